package cn.edu.xietong.it.audit;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S5: the audit administrator finds a failed login in the trail and verifies the chain from the page. */
class AuditTrailPageIT extends BrowserTest {

    @Test
    void auditAdministratorFindsAFailedLoginAndVerifiesTheChain() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("zhuxin", "a wrong password");
            browser.logIn("qishen", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-audit");
            assertEquals("审计日志", browser.text("h1.xt-title"));

            browser.type("#audit\\:login", "zhuxin");
            browser.click("#audit\\:search");
            String rows = browser.awaitText("#audit\\:records", "zhuxin");
            assertTrue(rows.contains("登录") && rows.contains("失败") && rows.contains("CS"), rows);

            browser.click("#audit\\:verify");
            assertTrue(browser.awaitText("#messages", "审计链完整").matches("审计链完整：已校验 \\d+ 条记录。"));
            browser.screenshot("audit-trail-zh");
        }
    }

    @Test
    void otherAdministratorsAreRefusedTheAuditPage() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("menu:menu-audit")).isEmpty());
            browser.go("/audit/trail.xhtml");
            assertEquals("您没有访问该页面的权限。", browser.text("#error-message"));
        }
    }
}
