package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.Clamd;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A1, S1, S4 as people meet them: a member of staff attaches a certificate to a leave request (scanned by a real
 * clamd), sees a virus and a renamed program refused beside the field and a file over 20 MB refused before it is
 * sent, submits; their unit leader downloads the file from the request, while someone of another unit is refused the
 * same link.
 */
class AttachmentPageIT extends BrowserTest {

    private static final String PASSWORD = "Attach-Story-2026";
    private static final byte[] PDF = ("%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\ntrailer\n<<>>\n%%EOF")
            .getBytes(StandardCharsets.US_ASCII);

    private static byte[] pdfOf(int size) {
        byte[] content = new byte[size];
        System.arraycopy(PDF, 0, content, 0, PDF.length);
        return content;
    }

    /** Chooses a file in the field's upload widget, which replaces its file input after each upload. */
    private void upload(Browser browser, Path file) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.driver().findElement(By.cssSelector(".xt-att-proof input[type=file]"))
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
    void aCertificateIsAttachedScannedAndDownloadedOnlyByThoseWhoSeeTheRequest() throws Exception {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        String stranger = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        Path folder = Files.createTempDirectory("xietong-uploads");
        Path certificate = Files.write(folder.resolve("诊断证明.pdf"), PDF);
        Path virus = Files.write(folder.resolve("说明.txt"), Clamd.eicar());
        Path program = Files.write(folder.resolve("照片.pdf"), new byte[]{'M', 'Z', (byte) 0x90, 0, 3});
        Path large = Files.write(folder.resolve("扫描件.pdf"), pdfOf(20 * 1024 * 1024 + 1));
        // over the 32 MB the container takes in one request: only a refusal in the browser can say why
        Path huge = Files.write(folder.resolve("全文扫描.pdf"), pdfOf(40 * 1024 * 1024));
        String link;
        try (Clamd clamd = Clamd.start()) {
            FixtureServlet.call(base, "/clamd?port=" + clamd.port());
            try (Browser browser = Browser.open(base)) {
                browser.logIn(staff, PASSWORD);
                fillLeaveRequest(browser, "病假两天", "病假", "2026-12-14", "2026-12-15", "2", "就医");

                upload(browser, virus);
                browser.awaitText("[data-error='proof']", "病毒扫描发现文件含有 " + Clamd.SIGNATURE);
                upload(browser, program);
                browser.awaitText("[data-error='proof']", "文件内容不是 .pdf 格式");
                upload(browser, large);
                browser.awaitText(".xt-att-proof .ui-fileupload-messages", "文件超过 20 MB");
                assertTrue(browser.driver().findElements(By.cssSelector("[data-error='proof']")).isEmpty(),
                        "the earlier refusal gives way to the new one");
                upload(browser, huge);
                browser.awaitText(".xt-att-proof .ui-fileupload-messages", "文件超过 20 MB");
                upload(browser, certificate);
                browser.awaitText(".xt-att-proof", "诊断证明.pdf");
                String listed = browser.text(".xt-att-proof");
                assertFalse(listed.contains("说明.txt") || listed.contains("扫描件.pdf") || listed.contains("全文扫描.pdf"),
                        "a refused file is not listed");
                browser.screenshot("attachment-uploaded");

                browser.click("#start\\:submit");
                browser.awaitText("#messages", "已提交");
                assertTrue(browser.text("#instance\\:form").contains("诊断证明.pdf"));
                link = browser.find("a[data-file='诊断证明.pdf']").getAttribute("href")
                        .replaceFirst("^https?://[^/]+", "");
            }
        } finally {
            FixtureServlet.call(base, "/clamd");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            HttpResponse<byte[]> download = fetch(browser, link);
            assertEquals(200, download.statusCode());
            assertArrayEquals(PDF, download.body());
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
            assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(stranger, PASSWORD);
            assertEquals(403, fetch(browser, link).statusCode());
        }
    }
}
