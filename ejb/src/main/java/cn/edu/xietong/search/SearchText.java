package cn.edu.xietong.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.cn.smart.SmartChineseAnalyzer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.highlight.Encoder;
import org.apache.lucene.search.highlight.Fragmenter;
import org.apache.lucene.search.highlight.Highlighter;
import org.apache.lucene.search.highlight.InvalidTokenOffsetsException;
import org.apache.lucene.search.highlight.NullFragmenter;
import org.apache.lucene.search.highlight.QueryScorer;
import org.apache.lucene.search.highlight.SimpleFragmenter;
import org.apache.lucene.search.highlight.SimpleHTMLFormatter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The text side of search (B4): one analyser for indexing and querying — Lucene's smart Chinese analyser, which splits
 * Chinese into words (学生宿舍管理规定 → 学生 / 宿舍 / 管理 / 规定) and lower-cases and Porter-stems English — the query
 * built from a person's words, and the highlighted snippet of a hit. What a person types is never parsed as query
 * syntax: it is analysed into words, and a hit must hold every word (in its title or text). The snippet is HTML in
 * which everything of the item's text is escaped and only the {@code <mark>} of a matched word is markup.
 */
public final class SearchText {

    /** What a stored index was analysed with; an index of another version is rebuilt. */
    public static final String SCHEMA = "xietong-search-1/smartcn-9";
    /** The longest query accepted, in characters. */
    public static final int MAX_QUERY = 100;
    /** The most words of a query that count (the rest are ignored). */
    public static final int MAX_WORDS = 16;
    /** The length of a snippet, in characters. */
    public static final int SNIPPET = 160;

    static final String TITLE = "title";
    static final String TEXT = "text";

    private SearchText() {
    }

    /** A new analyser (one per index or thread of use; it is cheap once the dictionaries are loaded). */
    public static Analyzer analyzer() {
        return new SmartChineseAnalyzer();
    }

    /** The words of a text as the index holds them, in order, without repeats. */
    public static Set<String> words(Analyzer analyzer, String text) {
        Set<String> words = new LinkedHashSet<>();
        try (TokenStream ts = analyzer.tokenStream(TEXT, text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken() && words.size() < MAX_WORDS) {
                words.add(term.toString());
            }
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return words;
    }

    /**
     * The query for a person's words: every word in the title (weighted twice) or the text; empty when the input has
     * no word at all (only punctuation or spaces).
     */
    public static Optional<Query> query(Analyzer analyzer, String input) {
        Set<String> words = words(analyzer, input);
        if (words.isEmpty()) {
            return Optional.empty();
        }
        BooleanQuery.Builder all = new BooleanQuery.Builder();
        for (String w : words) {
            all.add(new BooleanQuery.Builder()
                    .add(new BoostQuery(new TermQuery(new Term(TITLE, w)), 2f), BooleanClause.Occur.SHOULD)
                    .add(new TermQuery(new Term(TEXT, w)), BooleanClause.Occur.SHOULD).build(),
                    BooleanClause.Occur.MUST);
        }
        return Optional.of(all.build());
    }

    /**
     * The best passage of {@code text} for the query, HTML-escaped, its matched words in {@code <mark>}; the text's
     * beginning (escaped) when no word of the query is in it.
     */
    public static String snippet(Analyzer analyzer, Query query, String field, String text) {
        return highlight(analyzer, query, field, text, new SimpleFragmenter(SNIPPET));
    }

    /** The whole of a short text (a title), HTML-escaped, its matched words in {@code <mark>}. */
    public static String marked(Analyzer analyzer, Query query, String field, String text) {
        return highlight(analyzer, query, field, text, new NullFragmenter());
    }

    private static String highlight(Analyzer analyzer, Query query, String field, String text, Fragmenter fragmenter) {
        Highlighter highlighter = new Highlighter(new SimpleHTMLFormatter("<mark>", "</mark>"), ESCAPE,
                new QueryScorer(query, field));
        highlighter.setTextFragmenter(fragmenter);
        highlighter.setMaxDocCharsToAnalyze(200_000);
        try {
            String best = highlighter.getBestFragment(analyzer, field, text);
            if (best != null) {
                return best;
            }
        } catch (IOException | InvalidTokenOffsetsException e) {
            // fall back to the plain beginning below
        }
        return escape(text.length() <= SNIPPET ? text : text.substring(0, SNIPPET) + "…");
    }

    /** Escapes text for HTML element content and attribute values. */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static final Encoder ESCAPE = SearchText::escape;
}
