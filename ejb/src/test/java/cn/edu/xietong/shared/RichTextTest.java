package cn.edu.xietong.shared;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A4, S1: a mail's rich text is sanitised on the server, and the writer is told when something was removed. */
class RichTextTest {

    @Test
    void formattingTheEditorWritesSurvivesUntouched() {
        String written = "<p class=\"ql-align-center\"><strong>通知</strong> 请于<em>周五</em>前提交</p>"
                + "<ol><li>材料一</li><li>材料二</li></ol><blockquote>引用</blockquote>";
        RichText body = RichText.of(written);
        assertFalse(body.cleaned(), body.html());
        assertTrue(body.html().contains("<p class=\"ql-align-center\"><strong>通知</strong>"), body.html());
        assertTrue(body.html().contains("<ol><li>材料一</li>"), body.html());
        assertEquals("通知 请于周五前提交 材料一材料二 引用", body.text().replaceAll("\\s+", " ").replace("材料一 材料二", "材料一材料二"));
    }

    @Test
    void scriptsEventHandlersFramesAndStylesAreRemovedAndTheWriterIsTold() {
        RichText body = RichText.of("<p onclick=\"steal()\" style=\"position:fixed\">你好</p><script>alert(1)</script>"
                + "<iframe src=\"https://evil.example/\"></iframe><a href=\"javascript:alert(2)\">点我</a>"
                + "<form action=\"/logout\"><input name=\"x\"></form>");
        assertTrue(body.cleaned());
        String html = body.html().toLowerCase();
        for (String gone : new String[] {"script", "onclick", "style", "iframe", "javascript:", "<form", "<input"}) {
            assertFalse(html.contains(gone), gone + " survived in " + html);
        }
        assertTrue(body.text().contains("你好") && body.text().contains("点我"), body.text());
    }

    @Test
    void linksOpenApartAndPicturesAreNeverFetchedFromElsewhere() {
        RichText body = RichText.of("<p><a href=\"https://www.example.edu.cn/\">学校主页</a>"
                + "<img src=\"https://tracker.example/pixel.gif\"><img src=\"data:image/png;base64,iVBORw0KGgo=\"></p>");
        assertTrue(body.cleaned(), "the remote picture was removed and the writer must be told");
        assertTrue(body.html().contains("href=\"https://www.example.edu.cn/\""), body.html());
        assertTrue(body.html().contains("rel=\"noopener noreferrer nofollow\""), body.html());
        assertTrue(body.html().contains("target=\"_blank\""), body.html());
        assertFalse(body.html().contains("tracker.example"), body.html());
        assertTrue(body.html().contains("src=\"data:image/png;base64,iVBORw0KGgo=\""), body.html());
        assertFalse(body.isEmpty(), "a picture alone is something to read");
    }

    @Test
    void foreignClassesAreDroppedButTheEditorsKept() {
        RichText body = RichText.of("<p class=\"ql-indent-1 ui-dialog xt-card\">缩进</p>");
        assertEquals("<p class=\"ql-indent-1\">缩进</p>", body.html());
    }

    @Test
    void theSizeCountsTheBytesOfTheSanitisedHtml() {
        RichText body = RichText.of("<p>中文</p>");
        assertEquals("<p>中文</p>".getBytes(java.nio.charset.StandardCharsets.UTF_8).length, body.size());
        assertTrue(RichText.of("  ").isEmpty());
        assertTrue(RichText.of(null).isEmpty());
    }
}
