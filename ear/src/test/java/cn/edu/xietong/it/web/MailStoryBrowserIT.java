package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.Clamd;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Internal mail as people use it (A4, A5): writing to a person chosen with the picker, with an attachment scanned on
 * the way in; the recipient finds it unread, opens it and downloads the file; the sender sees the read receipt with
 * its time. Recall while nobody has opened a mail, refused once someone has. Two people of one name: the picker shows
 * both with their units, and mailing the other one after the first is warned about before it is sent.
 */
class MailStoryBrowserIT extends BrowserTest {

    private static final String PASSWORD = "Mail-Story-2026";

    private String person(String name) {
        return FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    private String unitName(String login) {
        return "测试单位" + FixtureServlet.call(base, "/unit-of?login=" + login);
    }

    private static String unique(String prefix) {
        return prefix + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    }

    /** Chooses a file in the compose page's upload widget, which may replace its file input meanwhile. */
    private static void upload(Browser browser, Path file) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.driver().findElement(By.cssSelector("#compose\\:upload input[type=file]"))
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
    void aMailWithAnAttachmentToAPickedPersonIsReadDownloadedAndReceiptedWithTheTime() throws Exception {
        String sender = person("发信人");
        String name = unique("收信人");
        String recipient = person(name);
        String subject = unique("会议通知");
        byte[] content = "下周一上午九点开会。".getBytes(StandardCharsets.UTF_8);
        Path file = Files.write(Files.createTempDirectory("xietong-mail").resolve("议程.txt"), content);
        String mailId;
        try (Clamd clamd = Clamd.start()) {
            FixtureServlet.call(base, "/clamd?port=" + clamd.port());
            try (Browser browser = Browser.open(base)) {
                browser.logIn(sender, PASSWORD);
                browser.go("/mail/compose.xhtml");
                browser.pick("[data-field='to']", name, unitName(recipient));
                browser.type("#compose\\:subject", subject);
                browser.find("#compose\\:body .ql-editor").sendKeys("请准时参加。");
                upload(browser, file);
                browser.awaitText("#compose\\:files", "议程.txt");
                browser.screenshot("mail-compose");
                browser.click("#compose\\:send");
                assertTrue(browser.awaitPath("/mail/mailbox.xhtml"), browser.path());
                browser.awaitText("#messages", "邮件已发送给 1 人");
                WebElement sent = browser.find("li.xt-mail-row");
                assertTrue(sent.getText().contains(subject), sent.getText());
                assertTrue(sent.getText().contains(name), "sent mail lists its recipient: " + sent.getText());
                mailId = sent.getAttribute("data-mail");
            }
        } finally {
            FixtureServlet.call(base, "/clamd");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(recipient, PASSWORD);
            browser.awaitText("#menu\\:menu-mailbox", "(1)");
            browser.click("#menu\\:menu-mailbox");
            WebElement row = browser.find("li.xt-mail-row[data-mail='" + mailId + "']");
            assertTrue(row.getAttribute("class").contains("xt-unread"), row.getAttribute("class"));
            assertEquals("1", browser.text("#unseen"));
            assertTrue(row.getText().contains("发信人") && row.getText().contains(subject), row.getText());
            browser.click("li.xt-mail-row[data-mail='" + mailId + "'] a.xt-mail-open");
            assertEquals(subject, browser.text("#subject"));
            assertTrue(browser.text("#sender").contains("发信人 · " + unitName(sender)),
                    browser.text("#sender"));
            assertTrue(browser.text("#body").contains("请准时参加。"));
            String link = browser.find("a.xt-mail-download").getAttribute("href").replaceFirst("^https?://[^/]+", "");
            HttpResponse<byte[]> download = fetch(browser, link);
            assertEquals(200, download.statusCode());
            assertArrayEquals(content, download.body());
            assertTrue(download.headers().firstValue("Content-Disposition").orElse("").startsWith("attachment;"));
            assertEquals("nosniff", download.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(sender, PASSWORD);
            browser.go("/mail/read.xhtml?mail=" + mailId);
            String opened = browser.text("tr.xt-receipt[data-login='" + recipient + "'] .xt-receipt-opened");
            assertTrue(opened.matches(".*\\d{1,2}:\\d{2}.*"), "the receipt shows when: " + opened);
            assertTrue(browser.driver().findElements(By.id("read:recall")).isEmpty(), "opened mail is not recallable");
            browser.screenshot("mail-receipt");
        }
    }

    @Test
    void anUnopenedMailIsRecalledFromTheInboxAndAnOpenedOneIsNot() {
        String sender = person("撤回人");
        String recipient = person("收信人");
        String first = FixtureServlet.call(base, "/mail?from=" + sender + "&to=" + recipient + "&subject=" + encode("写错了"));
        String second = FixtureServlet.call(base, "/mail?from=" + sender + "&to=" + recipient + "&subject=" + encode("已读了"));
        try (Browser senderBrowser = Browser.open(base); Browser recipientBrowser = Browser.open(base)) {
            senderBrowser.logIn(sender, PASSWORD);
            senderBrowser.go("/mail/read.xhtml?mail=" + first);
            recall(senderBrowser);
            senderBrowser.awaitText("#messages", "邮件已撤回");

            recipientBrowser.logIn(recipient, PASSWORD);
            recipientBrowser.go("/mail/mailbox.xhtml");
            recipientBrowser.find("li.xt-mail-row[data-mail='" + second + "']");
            assertTrue(recipientBrowser.driver().findElements(By.cssSelector("li.xt-mail-row[data-mail='" + first + "']"))
                    .isEmpty(), "a recalled mail leaves the inbox");
            recipientBrowser.go("/mail/read.xhtml?mail=" + first);
            assertEquals("发件人已撤回这封邮件。", recipientBrowser.text("#recalled-notice"));

            senderBrowser.go("/mail/read.xhtml?mail=" + second);
            senderBrowser.find("#read\\:recall");
            recipientBrowser.go("/mail/read.xhtml?mail=" + second);
            recipientBrowser.awaitText("#subject", "已读了");
            recall(senderBrowser);
            senderBrowser.awaitText("#messages", "已有收件人阅读了这封邮件，不能撤回。");
            recipientBrowser.go("/mail/mailbox.xhtml");
            recipientBrowser.find("li.xt-mail-row[data-mail='" + second + "']");
        }
    }

    private static void recall(Browser browser) {
        browser.click("#read\\:recall");
        browser.click(".ui-confirmdialog-yes");
    }

    @Test
    void aNameTwoPeopleShareIsNotResolvedSilentlyAndMailingTheOtherOneIsWarnedAbout() {
        String sender = person("写信人");
        String name = unique("重名");
        String first = person(name);
        String other = person(name);
        FixtureServlet.call(base, "/mail?from=" + sender + "&to=" + first + "&subject=" + encode("上次"));
        try (Browser browser = Browser.open(base)) {
            browser.logIn(sender, PASSWORD);
            browser.go("/mail/compose.xhtml");
            browser.type(Browser.pickerInput("[data-field='to']"), name);
            List<String> offered = offered(browser, name);
            assertEquals(2, offered.size(), "the picker offers both, by unit: " + offered);
            assertTrue(offered.stream().anyMatch(o -> o.contains(unitName(first)))
                    && offered.stream().anyMatch(o -> o.contains(unitName(other))), offered.toString());
            browser.pick("[data-field='to']", name, unitName(other));
            browser.type("#compose\\:subject", "这次");
            browser.click("#compose\\:send");
            String warning = browser.text("#compose\\:same-name");
            assertTrue(warning.contains(unitName(other)) && warning.contains(unitName(first)), warning);
            assertTrue(browser.path().endsWith("/mail/compose.xhtml"), "not sent before the warning is seen");
            browser.screenshot("mail-same-name");
            browser.click("#compose\\:send-anyway");
            assertTrue(browser.awaitPath("/mail/mailbox.xhtml"), browser.path());
            browser.awaitText("#messages", "邮件已发送给 1 人");
        }
    }

    /** The picker's visible suggestions for what was typed. */
    private static List<String> offered(Browser browser, String name) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).ignoring(RuntimeException.class).until(d -> {
            List<String> items = d.findElements(By.cssSelector(".ui-autocomplete-panel li.ui-autocomplete-item"))
                    .stream().filter(WebElement::isDisplayed).map(WebElement::getText)
                    .filter(t -> t.contains(name)).toList();
            return items.size() >= 2 ? items : null;
        });
    }
}
