package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O3.5 as people meet it: a unit's IT staff make a folder in their unit's library, upload a file into it, open it and
 * upload a new version, on a desktop and at phone size; a member of staff of another unit is refused the library page
 * and the file (403).
 */
class DocumentLibraryBrowserIT extends BrowserTest {

    private static final String PASSWORD = "Library-Story-2026";

    /** Chooses a file in an upload widget, which replaces its file input after each upload. */
    private static void upload(Browser browser, String widget, Path file) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.driver().findElement(By.cssSelector(widget + " input[type=file]"))
                        .sendKeys(file.toAbsolutePath().toString());
                return;
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 20) {
                    throw replaced;
                }
                Thread.sleep(100);
            }
        }
    }

    @Test
    void aUnitsLibraryTakesFoldersUploadsAndVersionsAndRefusesAnotherUnitsReaderSaveTheDocumentGrantedToThem() throws Exception {
        String manager = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        String stranger = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        Path folder = Files.createTempDirectory("xietong-documents");
        Path first = Files.writeString(folder.resolve("值班安排.txt"), "第一周：张老师\n", StandardCharsets.UTF_8);
        Path second = Files.writeString(folder.resolve("值班安排-修订.txt"), "第一周：李老师\n", StandardCharsets.UTF_8);
        String libraryPage;
        String download;
        try (Browser browser = Browser.open(base)) {
            browser.logIn(manager, PASSWORD);
            browser.click("#menu\\:menu-documents");
            browser.awaitPath("/documents/library.xhtml");
            String library = browser.find("a.xt-doc-library.xt-current").getAttribute("data-library");
            libraryPage = "/documents/library.xhtml?library=" + library;

            browser.type("#folder\\:name", "值班");
            browser.click("#folder\\:create");
            browser.awaitText("#messages", "文件夹已创建");
            browser.click("#folders a.xt-doc-open");
            browser.awaitText("#crumbs", "值班");

            upload(browser, "#upload\\:files", first);
            browser.awaitText("#documents", "值班安排.txt");
            browser.screenshot("documents-library");
            browser.click("#documents a.xt-doc-open");
            browser.awaitText("#doc-title", "值班安排.txt");
            assertEquals("校内", browser.text("#level"));

            upload(browser, "#edit\\:version", second);
            browser.awaitText("#versions", "值班安排-修订.txt");
            assertTrue(browser.text("#versions").contains("v1") && browser.text("#versions").contains("v2"),
                    browser.text("#versions"));
            download = browser.find("#versions li[data-version='1'] a.xt-doc-download").getAttribute("href")
                    .replaceFirst("^https?://[^/]+", "");
            HttpResponse<byte[]> old = fetch(browser, download);
            assertEquals(200, old.statusCode());
            assertEquals("第一周：张老师\n", new String(old.body(), StandardCharsets.UTF_8), "the old version stays");

            // a right on this one document, for a person of another unit, given on the document's page
            browser.choose("#doc-rights\\:grantee", "人员");
            browser.pick("[data-field='grant-person']", stranger,
                    "测试单位" + FixtureServlet.call(base, "/unit-of?login=" + stranger));
            browser.click("#doc-rights\\:grant");
            browser.awaitText("#messages", "权限已授予");
            assertTrue(browser.text("#doc-rights #grants").contains(stranger), browser.text("#doc-rights #grants"));
        }
        try (Browser phone = Browser.openPhone(base)) {
            phone.logIn(manager, PASSWORD);
            phone.go(libraryPage);
            phone.awaitText("#folders", "值班");
            assertTrue(phone.fitsWidth(), phone.widths());
            phone.screenshot("documents-library-phone");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(stranger, PASSWORD);
            assertEquals(403, fetch(browser, libraryPage).statusCode(), "the library is not theirs");
            assertEquals(200, fetch(browser, download).statusCode(), "the one document granted to them is");
        }
    }
}
