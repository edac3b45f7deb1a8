package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O2.6: the system administrator resets and deactivates an account from its page; the person is then shut out. */
class AccountAdminPageIT extends BrowserTest {

    @Test
    void administratorResetsThenDeactivatesAndThePersonCanNoLongerLogIn() throws Exception {
        String login = FixtureServlet.call(base, "/reset-person?password=Any-Pass-2026");
        String temporary;
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/directory/person.xhtml?login=" + login);
            browser.click("#manage");
            assertEquals("账号管理", browser.text("h1.xt-title"));

            browser.click("#account\\:reset");
            temporary = browser.text("#temporary-password");
            assertEquals(14, temporary.length());

            browser.click("#account\\:deactivate");
            assertTrue(browser.awaitText("#messages", "请填写停用原因").contains("请填写停用原因"));
            assertEquals("在用", browser.text("#account\\:status"), "refused: nothing changed");

            browser.type("#account\\:reason", "退休");
            browser.click("#account\\:deactivate");
            assertEquals("已停用", browser.awaitText("#account\\:status", "已停用"));
            String history = browser.text("#account\\:history");
            assertTrue(history.contains("停用") && history.contains("退休") && history.contains("重置密码")
                    && history.contains("caoyu"), history);
            browser.screenshot("account-admin-zh");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, temporary);
            assertEquals("用户名或密码错误，请重新输入。", browser.text("#login\\:messages"));
        }
    }

    @Test
    void aDeactivatedLeaderShowsTheRolesAndToDosStillToHandOver() {
        String login = FixtureServlet.call(base, "/person?password=Leader-Pass-2026&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + login);
        String staff = FixtureServlet.call(base, "/person?password=Leader-Pass-2026&role=STAFF&unit=" + unit);
        String instance = FixtureServlet.call(base, "/leave?login=" + staff + "&days=1");
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/admin/account.xhtml?login=" + login);
            assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("account:holdings")).isEmpty(),
                    "an active account hands over nothing");
            browser.type("#account\\:reason", "调离");
            browser.click("#account\\:deactivate");
            String holdings = browser.awaitText("#account\\:holdings", "单位领导");
            assertTrue(holdings.contains("仍持有") && holdings.contains("待办： 请假"), holdings);

            browser.type("#account\\:reassign-to input.ui-autocomplete-input", "nobody.here");
            browser.type("#account\\:reason", "原负责人调离");
            browser.click("#account\\:reassign");
            browser.awaitText("#messages", "没有找到“nobody.here”");
            browser.pick("#account\\:reassign-to", "wangwei.cs", "计算机科学与技术学院");
            browser.click("#account\\:reassign");
            browser.awaitText("#messages", "已改派 1 条待办");
            assertFalse(browser.text("#account\\:holdings").contains("待办："), "the to-do has moved");
        }
        String trail = FixtureServlet.call(base, "/trail?login=" + staff + "&instance=" + instance);
        assertTrue(trail.contains("REASSIGN"), trail);
    }

    /**
     * 三员 (S2, S3): the system administrator's account page offers no action on an administrator's account; the
     * security administrator reaches the same page from the directory and resets and deactivates it there, but is
     * offered nothing on their own account.
     */
    @Test
    void anAdministratorsAccountIsOfferedToTheSecurityAdministratorOnly() {
        String login = FixtureServlet.call(base, "/person?password=Audit-Pass-2026&role=AUDIT_ADMIN");
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/admin/account.xhtml?login=" + login);
            assertTrue(browser.text("#account\\:not-yours").contains("此账号不由您管理"));
            assertTrue(browser.driver().findElements(By.id("account:reset")).isEmpty(), "no reset offered");
            assertTrue(browser.driver().findElements(By.id("account:deactivate")).isEmpty(), "no deactivation");
            assertTrue(browser.driver().findElements(By.id("account:move")).isEmpty(), "no move");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn("luan", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/directory/person.xhtml?login=" + login);
            browser.click("#manage");
            assertEquals("账号管理", browser.text("h1.xt-title"));
            browser.click("#account\\:reset");
            assertEquals(14, browser.text("#temporary-password").length());
            browser.type("#account\\:reason", "调离");
            browser.click("#account\\:deactivate");
            assertEquals("已停用", browser.awaitText("#account\\:status", "已停用"));
            assertTrue(browser.text("#account\\:history").contains("luan"));

            browser.go("/admin/account.xhtml?login=luan");
            assertTrue(browser.text("#account\\:not-yours").contains("此账号不由您管理"));
            assertTrue(browser.driver().findElements(By.id("account:reset")).isEmpty(), "not on one's own account");
            browser.go("/admin/modules.xhtml");
            assertTrue(browser.driver().findElements(By.id("error-message")).size() == 1
                    && browser.driver().findElements(By.cssSelector("h1.xt-title")).isEmpty(),
                    "the rest of /admin stays the system administrator's");
        }
    }
}
