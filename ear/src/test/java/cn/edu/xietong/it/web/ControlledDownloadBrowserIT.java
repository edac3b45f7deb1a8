package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A controlled document as its reader meets it (S4): viewed page by page as pictures, its download refused; asked for
 * with a reason; approved by the owning unit's leader; then downloaded once, the PDF bearing the reader's name, unit
 * and the time on every page; a second download is refused. The page fits a phone.
 */
class ControlledDownloadBrowserIT extends BrowserTest {

    private static final String PASSWORD = "Controlled-Story-2026";

    @Test
    void aRefusedDownloadIsAskedForApprovedAndThenDownloadedOnceWithAWatermark() throws Exception {
        String[] made = FixtureServlet.call(base, "/controlled-document?password=" + PASSWORD).split(" ", 4);
        String staff = made[0];
        String leader = made[1];
        String document = made[2];
        String title = made[3];
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn(staff, PASSWORD);
            browser.go("/documents/document.xhtml?id=" + document);
            WebElement page = browser.find("img.xt-doc-page[data-page='1']");
            String src = page.getAttribute("src");
            String version = src.replaceAll(".*[?&]version=(\\d+).*", "$1");
            assertTrue(browser.driver().findElements(By.cssSelector("a.xt-doc-download")).isEmpty(),
                    "no download link before approval");
            assertTrue(browser.driver().findElements(By.cssSelector("iframe.xt-doc-frame")).isEmpty(),
                    "the file itself is never shown");
            HttpResponse<byte[]> picture = fetch(browser, "/documents/page?version=" + version + "&page=1");
            assertEquals(200, picture.statusCode());
            assertEquals("image/png", picture.headers().firstValue("Content-Type").orElse(""));
            assertEquals(403, fetch(browser, "/documents/file?version=" + version).statusCode());
            assertTrue(browser.fitsWidth(), browser.widths());

            browser.click("a.xt-doc-ask");
            browser.type("#doc\\:download-reason", "编写年度报告需要引用该制度");
            browser.click("#doc\\:send-request");
            browser.awaitText("#messages", "已提交下载申请");
            assertTrue(browser.text("#versions").contains("审批中"), browser.text("#versions"));
        }

        FixtureServlet.call(base, "/approve-publication?approvers=" + leader + "&title="
                + URLEncoder.encode("下载受控文档：" + title, StandardCharsets.UTF_8));

        try (Browser browser = Browser.open(base)) {
            browser.logIn(staff, PASSWORD);
            browser.go("/documents/document.xhtml?id=" + document);
            WebElement link = browser.find("a.xt-doc-download");
            assertTrue(link.getText().contains("已批准"), link.getText());
            String href = link.getAttribute("href").replaceFirst("^https?://[^/]+", "");
            HttpResponse<byte[]> download = fetch(browser, href);
            assertEquals(200, download.statusCode());
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
            try (PDDocument pdf = Loader.loadPDF(download.body())) {
                assertEquals(2, pdf.getNumberOfPages());
                PDFTextStripper stripper = new PDFTextStripper();
                for (int p = 1; p <= 2; p++) {
                    stripper.setStartPage(p);
                    stripper.setEndPage(p);
                    String text = stripper.getText(pdf);
                    assertTrue(text.contains(staff) && text.contains("Controlled rules"),
                            "page " + p + " bears the reader's watermark over its own text: " + text);
                }
            }
            assertEquals(403, fetch(browser, href).statusCode(), "one download per approval");
            browser.go("/documents/document.xhtml?id=" + document);
            List<WebElement> links = browser.driver().findElements(By.cssSelector("a.xt-doc-download"));
            assertTrue(links.isEmpty(), "the approval is spent");
            assertTrue(browser.text("#versions").contains("已下载"), browser.text("#versions"));
            assertFalse(browser.text("#versions").contains("审批中"));
        }
    }
}
