package cn.edu.xietong.web.help;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O2.4: the in-app help is docs/user-guide.md as the application renders it. Every page has its section there (the
 * page's path in the first column of the guide's table), so the help link of a page added without a word in the guide
 * fails the build; what the guide holds is shown as text, never run as HTML.
 */
class UserGuideTest {

    private static final Path WEBAPP = Path.of("src/main/webapp");
    private static final Path GUIDE = Path.of("../docs/user-guide.md");

    @Test
    void everyPageHasItsSectionInTheUserGuide() throws IOException {
        String html = UserGuide.render(Files.readString(GUIDE));
        List<String> missing;
        try (Stream<Path> files = Files.walk(WEBAPP)) {
            missing = files.filter(f -> f.toString().endsWith(".xhtml"))
                    .map(f -> "/" + WEBAPP.relativize(f).toString().replace('\\', '/'))
                    .filter(view -> !view.startsWith("/WEB-INF/") && !view.startsWith("/resources/")
                            && !view.equals("/error.xhtml") && !view.equals("/help.xhtml"))
                    .filter(view -> !html.contains("id=\"" + UserGuide.anchorOf(view) + "\""))
                    .sorted().toList();
        }
        assertEquals(List.of(), missing, "pages without a section in docs/user-guide.md");
    }

    @Test
    void aPagesAnchorIsItsPath() {
        assertEquals("page-index", UserGuide.anchorOf("/index.xhtml"));
        assertEquals("page-flow-lists", UserGuide.anchorOf("/flow/lists.xhtml"));
        assertEquals("page-admin-account", UserGuide.anchorOf("/admin/account.xhtml?login=…"));
    }

    @Test
    void pathsInTheFirstColumnOfTheTableBecomeAnchors() {
        String html = UserGuide.render("""
                | page | who |
                |---|---|
                | `/` 工作台 | everyone |
                | `/flow/designs.xhtml`, `/flow/form-designer.xhtml` | UNIT_IT; see `/flow/review.xhtml` |
                """);
        assertTrue(html.contains("id=\"page-index\""), html);
        assertTrue(html.contains("id=\"page-flow-designs\"") && html.contains("id=\"page-flow-form-designer\""), html);
        assertFalse(html.contains("id=\"page-flow-review\""), "only the first column names sections: " + html);
    }

    @Test
    void htmlInTheGuideIsShownAsTextAndScriptLinksAreDropped() {
        String html = UserGuide.render("""
                <script>alert(1)</script>

                a <img src=x onerror=alert(1)> and [a link](javascript:alert(1))
                """);
        assertFalse(html.contains("<script"), html);
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
    }

    @Test
    void linksToOtherDocumentsBecomeTextForTheApplicationDoesNotServeThem() {
        String html = UserGuide.render("see [`docs/security.md`](security.md) and [the site](https://example.org/)");
        assertFalse(html.contains("security.md\""), html);
        assertTrue(html.contains("<code>docs/security.md</code>"), html);
        assertTrue(html.contains("href=\"https://example.org/\""), html);
    }
}
