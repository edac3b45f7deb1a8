package cn.edu.xietong.it.mail;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C2: the system administrator sees the outbox on admin/mail.xhtml (counts by state, failures with their last error)
 * and retries a failed mail or cancels one. No SMTP server listens here, so mails fail.
 */
class MailOutboxPageIT extends BrowserTest {

    private static final String PASSWORD = "Outbox-Page-2026";

    @Test
    void theAdministratorRetriesAFailedMailAndCancelsAnother() throws Exception {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        FixtureServlet.call(base, "/notify?login=" + person + "&kind=TODO&count=2");
        for (int i = 0; i < 100 && !FixtureServlet.call(base, "/outbox?login=" + person).equals("PENDING,PENDING"); i++) {
            Thread.sleep(100);
        }
        assertEquals("2", FixtureServlet.call(base, "/outbox-fail?login=" + person));
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/admin/mail.xhtml");
            assertEquals("发件队列", browser.text("#outbox .ui-panel-title"));
            assertTrue(Integer.parseInt(browser.text("#outbox-counts [data-state='FAILED']")
                    .replaceAll("\\D", "")) >= 2, browser.text("#outbox-counts"));
            browser.choose("#outbox\\:state", "发送失败");
            String row = "//tr[contains(., '" + person + "@test.example')]";
            browser.awaitText("#outbox\\:queue", person);
            assertTrue(browser.driver().findElement(By.xpath(row)).getText().contains("550"), "the last error shows");
            browser.driver().findElement(By.xpath("(" + row + ")[1]//button[contains(., '立即重试')]")).click();
            assertEquals("该邮件将立即重试。", browser.awaitText("#messages", "立即重试"));
            browser.driver().findElement(By.xpath("(" + row + ")[1]//button[contains(., '取消')]")).click();
            assertEquals("该邮件已取消。", browser.awaitText("#messages", "已取消"));
            browser.screenshot("mail-outbox-zh");
        }
        String states = FixtureServlet.call(base, "/outbox?login=" + person);
        assertTrue(states.contains("CANCELLED") && !states.equals("FAILED,CANCELLED")
                && !states.equals("CANCELLED,FAILED"), states);
    }
}
