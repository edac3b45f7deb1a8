package cn.edu.xietong.search;

import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B4: Chinese and English words as the index and the query see them; snippets never carry the item's markup. */
class SearchTextTest {

    private final Analyzer analyzer = SearchText.analyzer();

    @Test
    void chineseIsSplitIntoWords() {
        Set<String> words = SearchText.words(analyzer, "学生宿舍管理规定");
        assertTrue(words.containsAll(Set.of("宿舍", "管理", "规定")), words.toString());
    }

    @Test
    void englishIsLowerCasedAndStemmed() {
        assertEquals(SearchText.words(analyzer, "Libraries Opening"), SearchText.words(analyzer, "library opens"));
        assertTrue(SearchText.words(analyzer, "EXAMINATION").contains("examin"));
    }

    @Test
    void queryOfOnlyPunctuationOrQuerySyntaxIsEmptyOrPlainWords() {
        assertTrue(SearchText.query(analyzer, " ，。!? ").isEmpty());
        Query q = SearchText.query(analyzer, "title:宿舍 AND (x* OR \"[").orElseThrow();
        assertFalse(q.toString().contains("*"), q.toString());
    }

    @Test
    void snippetEscapesTheItemsMarkupAndMarksOnlyMatchedWords() {
        Query q = SearchText.query(analyzer, "宿舍").orElseThrow();
        String html = SearchText.snippet(analyzer, q, SearchText.TEXT,
                "<script>alert('x')</script> 学生宿舍管理规定 & <b>粗体</b> \"引号\"");
        assertTrue(html.contains("<mark>宿舍</mark>"), html);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<b>"), html);
        assertTrue(html.contains("&lt;script&gt;") && html.contains("&amp;") && html.contains("&quot;"), html);
        assertEquals(html.replace("<mark>", "").replace("</mark>", "").indexOf('<'), -1, html);
    }

    @Test
    void snippetWithoutAMatchIsTheEscapedBeginning() {
        Query q = SearchText.query(analyzer, "宿舍").orElseThrow();
        assertEquals("a &lt;b&gt;", SearchText.snippet(analyzer, q, SearchText.TEXT, "a <b>"));
    }
}
