package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C2: a person chooses on account/email.xhtml which notifications also go to their e-mail, at once or in the daily
 * digest; what they save decides what the outbox stores. In both languages and at phone size.
 */
class EmailSettingsPageIT extends BrowserTest {

    private static final String PASSWORD = "Email-Settings-2026";
    private static final String TODO = "#email\\:kinds\\:0\\:delivery";
    private static final String APPROVED = "#email\\:kinds\\:5\\:delivery";

    @Test
    void aPersonStopsToDoMailsAndHasApprovalsInTheDigest() throws Exception {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(person, PASSWORD);
            browser.click("#topbar\\:email-settings");
            assertEquals("邮件通知", browser.text("h1.xt-title"));
            assertTrue(browser.text("#email-address").contains(person + "@test.example"));
            assertEquals("立即发送", browser.text(TODO + "_label"), "a to-do goes at once by default");
            assertEquals("不发邮件", browser.text(APPROVED + "_label"));

            browser.choose(TODO, "不发邮件");
            browser.choose(APPROVED, "每日摘要");
            browser.click("#email\\:save");
            assertEquals("邮件通知设置已保存。", browser.awaitText("#messages", "已保存"));

            browser.go("/account/email.xhtml");
            assertEquals("不发邮件", browser.text(TODO + "_label"));
            assertEquals("每日摘要", browser.text(APPROVED + "_label"));
            browser.screenshot("email-settings-zh");

            browser.click("#topbar\\:lang-en");
            assertEquals("E-mail notifications", browser.awaitText("h1.xt-title", "E-mail"));
            assertEquals("Daily digest", browser.text(APPROVED + "_label"));
            assertEquals(List.of(), browser.unlabelledInputs());
        }
        FixtureServlet.call(base, "/notify?login=" + person + "&kind=TODO&count=1");
        assertEquals("", FixtureServlet.call(base, "/outbox?login=" + person), "no mail for a to-do any more");
        FixtureServlet.call(base, "/notify?login=" + person + "&kind=APPROVED&count=1");
        assertEquals("HELD", FixtureServlet.call(base, "/outbox?login=" + person), "kept for the digest");
    }

    @Test
    void theSettingsFitAPhone() {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn(person, PASSWORD);
            browser.go("/account/email.xhtml");
            assertEquals("邮件通知", browser.text("h1.xt-title"));
            assertTrue(browser.fitsWidth(), "scrolls sideways: " + browser.widths());
            assertEquals(List.of(), browser.unlabelledInputs());
            browser.screenshot("phone-email-settings");
        }
    }
}
