package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2 as a person meets it: a reset password must be changed before anything else; the policy is the security admin's. */
class PasswordPagesIT extends BrowserTest {

    private String personWithResetPassword(String password) {
        return FixtureServlet.call(base, "/reset-person?password=" + password);
    }

    @Test
    void afterAResetThePersonMustChooseANewPasswordBeforeAnythingElse() throws Exception {
        String login = personWithResetPassword("Reset-Pass-2026");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, "Reset-Pass-2026");
            assertTrue(browser.awaitPath("/account/password.xhtml"), browser.path());
            assertTrue(browser.text("#password-forced").startsWith("您需要先设置新密码"));

            browser.go("/");
            assertTrue(browser.path().endsWith("/account/password.xhtml"), "the workbench waits for the new password");

            browser.type("#password\\:current", "Reset-Pass-2026");
            browser.type("#password\\:next", "weak");
            browser.type("#password\\:confirmation", "weak");
            browser.click("#password\\:change");
            String problems = browser.text("#messages");
            assertTrue(problems.contains("新密码太短：至少需要 8 位。") && problems.contains("至少包含"), problems);
            browser.screenshot("password-forced-zh");

            browser.type("#password\\:current", "Reset-Pass-2026");
            browser.type("#password\\:next", "My-Own#Pass2026");
            browser.type("#password\\:confirmation", "My-Own#Pass2026");
            browser.click("#password\\:change");
            assertEquals("工作台", browser.text("h1.xt-title"));
            assertEquals("密码已修改。", browser.text("#messages"));

            browser.click("#topbar\\:logout");
            browser.logIn(login, "My-Own#Pass2026");
            assertEquals("工作台", browser.text("h1.xt-title"));
        }
    }

    /**
     * The gate covers every request, not only pages: downloads (the approval sheet, attachments) wait for the new
     * password too, and are answered with a redirect to the password page (S2).
     */
    @Test
    void aPersonWhoMustChangeTheirPasswordCannotDownloadBeforeChangingIt() throws Exception {
        String leader = FixtureServlet.call(base, "/person?password=Leader-Pass-2026&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String login = FixtureServlet.call(base, "/person?password=Staff-Pass-2026&role=STAFF&unit=" + unit);
        String instance = FixtureServlet.call(base, "/leave?login=" + login + "&days=2");
        FixtureServlet.call(base, "/reset-password?login=" + login + "&password=Reset-Pass-2026");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, "Reset-Pass-2026");
            assertTrue(browser.awaitPath("/account/password.xhtml"), browser.path());

            for (String download : new String[]{"/flow/sheet?id=" + instance, "/flow/file?id=" + instance + "&file=1"}) {
                HttpResponse<byte[]> stopped = fetch(browser, download);
                assertEquals(302, stopped.statusCode(), download);
                assertTrue(stopped.headers().firstValue("Location").orElse("").endsWith("/account/password.xhtml"),
                        download + " -> " + stopped.headers().firstValue("Location"));
            }

            browser.type("#password\\:current", "Reset-Pass-2026");
            browser.type("#password\\:next", "My-Own#Pass2026");
            browser.type("#password\\:confirmation", "My-Own#Pass2026");
            browser.click("#password\\:change");
            assertEquals("工作台", browser.text("h1.xt-title"));
            HttpResponse<byte[]> sheet = fetch(browser, "/flow/sheet?id=" + instance);
            assertEquals(200, sheet.statusCode());
            assertTrue(sheet.headers().firstValue("Content-Type").orElse("").startsWith("application/pdf"));
        }
    }

    @Test
    void theSecurityAdministratorKeepsThePolicyWithinRange() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("luan", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-policy");
            assertEquals("安全策略", browser.text("h1.xt-title"));
            browser.type("#policy\\:privilegedExpiryDays_input", "120");
            browser.click("#policy\\:save");
            assertTrue(browser.awaitText("#messages", "超出允许范围").startsWith("策略数值超出允许范围"));
            browser.type("#policy\\:privilegedExpiryDays_input", "60");
            browser.click("#policy\\:save");
            assertEquals("密码策略已保存。", browser.awaitText("#messages", "已保存"));
        }
    }

    /** ASVS 3.3.2: the absolute session lifetime is the security administrator's, 12 hours at most. */
    @Test
    void theSecurityAdministratorSetsTheLongestSession() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("luan", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/security/policy.xhtml");
            assertEquals("12", browser.find("#login-rules\\:session-hours_input").getAttribute("value"));
            try {
                browser.type("#login-rules\\:session-hours_input", "8");
                browser.click("#login-rules\\:save-rules");
                browser.awaitText("#messages", "已保存");
                browser.go("/security/policy.xhtml");
                assertEquals("8", browser.find("#login-rules\\:session-hours_input").getAttribute("value"));
            } finally {
                browser.go("/security/policy.xhtml");
                browser.type("#login-rules\\:session-hours_input", "12");
                browser.click("#login-rules\\:save-rules");
                browser.awaitText("#messages", "已保存");
            }
        }
    }
}
