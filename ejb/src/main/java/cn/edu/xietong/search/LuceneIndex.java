package cn.edu.xietong.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.index.DirectoryReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * One server's Lucene index of searchable items (B4), with no container in sight (the benchmark and unit tests use it
 * as it is). Each item is one document keyed by kind and id; its access tokens and visible window are filter fields,
 * so a query only ever counts what its searcher may find. The last journal change applied and the schema are kept in
 * the index's commit data: an index that cannot be opened, or was written with another schema, answers
 * {@link #needsRebuild()} and starts empty.
 */
public final class LuceneIndex implements Closeable {

    private static final Logger LOG = Logger.getLogger(LuceneIndex.class.getName());

    /** The most text of an item indexed and kept for snippets, in characters. */
    public static final int MAX_TEXT = 200_000;

    private static final String KEY = "key";
    private static final String KIND = "kind";
    private static final String ID = "id";
    private static final String DATE = "date";
    private static final String LINK = "link";
    private static final String READER = "reader";
    private static final String FROM = "from";
    private static final String UNTIL = "until";
    private static final String SCHEMA = "schema";
    private static final String LAST_CHANGE = "lastChange";
    private static final String APPLIED_AT = "appliedAt";

    private final Analyzer analyzer = SearchText.analyzer();
    private final Directory directory;
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final boolean needsRebuild;

    private LuceneIndex(Directory directory, IndexWriter writer, boolean needsRebuild) throws IOException {
        this.directory = directory;
        this.writer = writer;
        this.searchers = new SearcherManager(writer, null);
        this.needsRebuild = needsRebuild;
    }

    /** Opens (or creates) the index in a folder; a broken index or one of another schema is emptied. */
    public static LuceneIndex open(Path folder) throws IOException {
        Files.createDirectories(folder);
        Directory dir = FSDirectory.open(folder);
        boolean rebuild;
        try {
            if (!DirectoryReader.indexExists(dir)) {
                rebuild = true;
            } else {
                Map<String, String> data = SegmentInfos.readLatestCommit(dir).getUserData();
                try (DirectoryReader check = DirectoryReader.open(dir)) {
                    check.maxDoc();
                }
                rebuild = !SearchText.SCHEMA.equals(data.get(SCHEMA));
            }
        } catch (IOException | RuntimeException broken) {
            LOG.log(Level.WARNING, "the search index in " + folder + " cannot be read: it is built again", broken);
            rebuild = true;
        }
        IndexWriterConfig config = new IndexWriterConfig(SearchText.analyzer())
                .setOpenMode(rebuild ? IndexWriterConfig.OpenMode.CREATE : IndexWriterConfig.OpenMode.CREATE_OR_APPEND)
                .setRAMBufferSizeMB(32);
        IndexWriter writer;
        try {
            writer = new IndexWriter(dir, config);
        } catch (IOException | RuntimeException broken) {
            LOG.log(Level.WARNING, "the search index in " + folder + " cannot be written: it is built again", broken);
            wipe(folder);
            writer = new IndexWriter(dir, new IndexWriterConfig(SearchText.analyzer())
                    .setOpenMode(IndexWriterConfig.OpenMode.CREATE));
            rebuild = true;
        }
        return new LuceneIndex(dir, writer, rebuild);
    }

    private static void wipe(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.toList()) {
                Files.deleteIfExists(f);
            }
        }
    }

    /** Whether the index was missing, broken or of another schema when it was opened (it is then empty). */
    public boolean needsRebuild() {
        return needsRebuild;
    }

    /** The last journal change this index has applied (0 for none). */
    public long lastChange() {
        String v = userData().get(LAST_CHANGE);
        return v == null ? 0 : Long.parseLong(v);
    }

    /** When the last journal change was applied (null for never). */
    public Instant appliedAt() {
        String v = userData().get(APPLIED_AT);
        return v == null ? null : Instant.ofEpochMilli(Long.parseLong(v));
    }

    private Map<String, String> userData() {
        Map<String, String> data = new LinkedHashMap<>();
        Iterable<Map.Entry<String, String>> live = writer.getLiveCommitData();
        if (live != null) {
            live.forEach(e -> data.put(e.getKey(), e.getValue()));
        }
        return data;
    }

    /** Adds or replaces an item. */
    public void put(IndexedItem item) throws IOException {
        writer.updateDocument(new Term(KEY, key(item.kind(), item.id())), document(item));
    }

    /** Adds an item known not to be in the index (a rebuild, after {@link #clear()}). */
    public void add(IndexedItem item) throws IOException {
        writer.addDocument(document(item));
    }

    /** Takes an item out. */
    public void remove(String kind, long id) throws IOException {
        writer.deleteDocuments(new Term(KEY, key(kind, id)));
    }

    /** Empties the index (a rebuild starts so). */
    public void clear() throws IOException {
        writer.deleteAll();
    }

    /** Makes what was written durable, remembering the last journal change it includes, and visible to searches. */
    public void commit(long lastChange, Instant at) throws IOException {
        writer.setLiveCommitData(Map.of(SCHEMA, SearchText.SCHEMA, LAST_CHANGE, Long.toString(lastChange),
                APPLIED_AT, Long.toString(at.toEpochMilli())).entrySet());
        writer.commit();
        searchers.maybeRefreshBlocking();
    }

    /** How many items the index holds. */
    public int size() throws IOException {
        IndexSearcher s = searchers.acquire();
        try {
            return s.getIndexReader().numDocs();
        } finally {
            searchers.release(s);
        }
    }

    private static String key(String kind, long id) {
        return kind + ":" + id;
    }

    private static Document document(IndexedItem item) {
        Document doc = new Document();
        doc.add(new StringField(KEY, key(item.kind(), item.id()), Field.Store.NO));
        doc.add(new StringField(KIND, item.kind(), Field.Store.YES));
        doc.add(new StoredField(ID, item.id()));
        doc.add(new TextField(SearchText.TITLE, item.title(), Field.Store.YES));
        String text = item.text().length() > MAX_TEXT ? item.text().substring(0, MAX_TEXT) : item.text();
        doc.add(new TextField(SearchText.TEXT, text, Field.Store.YES));
        doc.add(new StoredField(DATE, item.date().toEpochMilli()));
        doc.add(new StoredField(LINK, item.link()));
        item.readers().forEach(r -> doc.add(new StringField(READER, r, Field.Store.NO)));
        doc.add(new LongPoint(FROM, item.visibleFrom() == null ? Long.MIN_VALUE : item.visibleFrom().toEpochMilli()));
        doc.add(new LongPoint(UNTIL, item.visibleUntil() == null ? Long.MAX_VALUE
                : item.visibleUntil().toEpochMilli()));
        return doc;
    }

    /** One hit as the index knows it: the snippet and title are escaped HTML with {@code <mark>}ed words. */
    public record Hit(String kind, long id, String titleHtml, String snippetHtml, Instant date, String link) {
    }

    /** A page of hits, how many there are in all, and how many of each kind. */
    public record Page(long total, List<Hit> hits, Map<String, Long> perKind) {
    }

    /**
     * The hits for {@code words} that the holder of {@code tokens} may find, of the given kinds, visible at
     * {@code now}: the rights are part of the query, so nothing else is counted. {@code first} and {@code max} page.
     */
    public Page search(Query words, Set<String> tokens, Set<String> kinds, Instant now, int first, int max)
            throws IOException {
        if (tokens.isEmpty() || kinds.isEmpty()) {
            return new Page(0, List.of(), Map.of());
        }
        Query allowed = allowed(words, tokens, now);
        Query query = new BooleanQuery.Builder().add(allowed, BooleanClause.Occur.MUST)
                .add(inSet(KIND, kinds), BooleanClause.Occur.FILTER).build();
        IndexSearcher s = searchers.acquire();
        try {
            Map<String, Long> perKind = new LinkedHashMap<>();
            for (String kind : kinds.stream().sorted(Comparator.naturalOrder()).toList()) {
                long n = s.count(new BooleanQuery.Builder().add(allowed, BooleanClause.Occur.MUST)
                        .add(new TermQuery(new Term(KIND, kind)), BooleanClause.Occur.FILTER).build());
                perKind.put(kind, n);
            }
            long total = perKind.values().stream().mapToLong(Long::longValue).sum();
            TopDocs top = s.search(query, Math.max(1, first + max));
            List<Hit> hits = new ArrayList<>();
            ScoreDoc[] docs = top.scoreDocs;
            for (int i = first; i < docs.length && hits.size() < max; i++) {
                Document d = s.storedFields().document(docs[i].doc);
                hits.add(new Hit(d.get(KIND), d.getField(ID).numericValue().longValue(),
                        SearchText.marked(analyzer, words, SearchText.TITLE, d.get(SearchText.TITLE)),
                        SearchText.snippet(analyzer, words, SearchText.TEXT, d.get(SearchText.TEXT)),
                        Instant.ofEpochMilli(d.getField(DATE).numericValue().longValue()), d.get(LINK)));
            }
            return new Page(total, hits, perKind);
        } finally {
            searchers.release(s);
        }
    }

    private static Query allowed(Query words, Set<String> tokens, Instant now) {
        long t = now.toEpochMilli();
        return new BooleanQuery.Builder().add(words, BooleanClause.Occur.MUST)
                .add(inSet(READER, tokens), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(FROM, Long.MIN_VALUE, t), BooleanClause.Occur.FILTER)
                .add(LongPoint.newRangeQuery(UNTIL, t + 1, Long.MAX_VALUE), BooleanClause.Occur.FILTER).build();
    }

    private static Query inSet(String field, Set<String> values) {
        return new TermInSetQuery(field, values.stream().map(BytesRef::new).toList());
    }

    /** The analyser queries are built with (the index's own). */
    public Analyzer analyzer() {
        return analyzer;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
        analyzer.close();
    }
}
