package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.security.Base32;
import cn.edu.xietong.security.Totp;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S2, S3 as an administrator meets them: enrolling a second factor by QR code, logging in with the app's code, being
 * sent to enrolment while the policy requires it, and one session per account.
 */
class TwoFactorPageIT extends BrowserTest {

    private static final String PASSWORD = "Admin-Totp-2026";

    /** Enrols on the open two-factor page as a person with their phone would; returns the secret. */
    private static byte[] enrolOnPage(Browser browser) {
        browser.click("#twofactor\\:begin");
        assertTrue(browser.find("#qr img").getAttribute("src").startsWith("data:image/svg+xml;base64,"));
        byte[] secret = Base32.decode(browser.text("#secret").replace(" ", ""));
        browser.type("#twofactor\\:confirm-code", Totp.code(secret, Instant.now()));
        browser.click("#twofactor\\:confirm");
        browser.awaitText("#messages", "两步验证已启用");
        assertEquals(10, browser.driver().findElements(By.cssSelector("#recovery-codes li")).size());
        return secret;
    }

    @Test
    void administratorEnrolsByQrCodeThenLogsInWithTheAppsCode() {
        String login = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=SYS_ADMIN");
        byte[] secret;
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, PASSWORD);
            assertEquals("工作台", browser.text("h1.xt-title"));
            browser.click("#topbar\\:two-factor");
            assertEquals("两步验证", browser.text("h1.xt-title"));
            secret = enrolOnPage(browser);
            browser.screenshot("two-factor-recovery-codes-zh");
            browser.click("#topbar\\:logout");
            assertTrue(browser.awaitPath("/login.xhtml"));

            browser.logIn(login, PASSWORD);
            assertTrue(browser.awaitPath("/login-code.xhtml"), browser.path());
            browser.type("#code\\:value", "000000");
            browser.click("#code\\:verify");
            assertTrue(browser.awaitText("#code\\:messages", "验证码不正确").startsWith("验证码不正确"));
            browser.type("#code\\:value", Totp.code(secret, Instant.now().plusSeconds(Totp.STEP_SECONDS)));
            browser.click("#code\\:verify");
            assertEquals("工作台", browser.awaitText("h1.xt-title", "工作台"));
            browser.go("/account/two-factor.xhtml");
            assertTrue(browser.text("#enrolled-since").contains("10"), browser.text("#enrolled-since"));
        }
    }

    @Test
    void whileThePolicyRequiresItAPrivilegedPersonMustEnrolBeforeAnythingElse() {
        String login = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        try (Browser admin = Browser.open(base)) {
            admin.logIn("luan", DemoUniversity.DEFAULT_PASSWORD);
            admin.click("#menu\\:menu-policy");
            admin.click("#login-rules\\:second-factor .ui-chkbox-box");
            admin.click("#login-rules\\:save-rules");
            admin.awaitText("#messages", "已保存");
            admin.go("/security/policy.xhtml");
            assertTrue(admin.driver().findElement(By.id("login-rules:second-factor_input")).isSelected());
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, PASSWORD);
            assertTrue(browser.awaitPath("/account/two-factor.xhtml"), browser.path());
            assertTrue(browser.text("#enrolment-required").contains("要求启用两步验证"));
            browser.go("/directory/people.xhtml");
            assertTrue(browser.awaitPath("/account/two-factor.xhtml"), "every page leads to enrolment first");
            enrolOnPage(browser);
            browser.click("#twofactor\\:done");
            assertEquals("工作台", browser.awaitText("h1.xt-title", "工作台"));
            browser.go("/directory/people.xhtml");
            assertTrue(browser.awaitPath("/directory/people.xhtml"), "enrolled: pages open again");
        } finally {
            FixtureServlet.call(base, "/login-rules?secondFactor=false&singleSession=false");
        }
    }

    @Test
    void withOneSessionPerAccountTheOlderBrowserIsLoggedOutAndToldWhy() {
        String login = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        FixtureServlet.call(base, "/login-rules?secondFactor=false&singleSession=true");
        try (Browser older = Browser.open(base); Browser newer = Browser.open(base)) {
            older.logIn(login, PASSWORD);
            assertEquals("工作台", older.text("h1.xt-title"));
            newer.logIn(login, PASSWORD);
            assertEquals("工作台", newer.text("h1.xt-title"));

            older.go("/directory/people.xhtml");
            assertTrue(older.awaitPath("/login.xhtml"), older.path());
            assertTrue(older.text("#session-replaced").contains("已在别处登录"));
            newer.go("/directory/people.xhtml");
            assertTrue(newer.awaitPath("/directory/people.xhtml"), "the newest session goes on");
        } finally {
            FixtureServlet.call(base, "/login-rules?secondFactor=false&singleSession=false");
        }
    }
}
