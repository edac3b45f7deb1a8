package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2, S3 and the language rule: what a person sees when logging in and out, in Chinese first, then English. */
class LoginPageIT extends BrowserTest {

    @Test
    void demoLeaderSeesHerWorkbenchInChineseThenSwitchesToEnglishAndLogsOut() {
        try (Browser browser = Browser.open(base)) {
            browser.go("/");
            assertTrue(browser.path().endsWith("/login.xhtml"), "anonymous visitors are sent to the login page");
            assertEquals("协同办公系统", browser.text(".xt-login-title"));

            browser.logIn("hanmei", DemoUniversity.DEFAULT_PASSWORD);

            assertEquals("工作台", browser.text("h1.xt-title"));
            assertEquals("韩梅", browser.text("#current-user-name"));
            assertEquals("计算机科学与技术学院", browser.text("#current-user-unit"));
            assertTrue(browser.text("#profile-roles").contains("单位领导"));
            assertEquals("0", browser.text("#todo-count"));
            assertEquals("0", browser.text("#unread-mail-count"));
            browser.screenshot("home-zh");

            browser.click("#topbar\\:lang-en");
            assertEquals("Workbench", browser.awaitText("h1.xt-title", "Workbench"));
            assertEquals("School of Computer Science and Technology", browser.text("#current-user-unit"));
            assertTrue(browser.text("#profile-roles").contains("Unit leader"));
            browser.screenshot("home-en");

            browser.click("#topbar\\:logout");
            assertEquals("You have logged out.", browser.text("#logged-out"));
            browser.go("/");
            assertTrue(browser.path().endsWith("/login.xhtml"), "after logout the workbench needs a login again");
        }
    }

    @Test
    void aWrongPasswordShowsAClearMessageAndLogsNobodyIn() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("hanmei", "not-her-password");
            assertEquals("用户名或密码错误，请重新输入。", browser.text("#login\\:messages"));
            browser.screenshot("login-failed-zh");

            browser.logIn("no-such-person", "whatever");
            assertEquals("用户名或密码错误，请重新输入。", browser.text("#login\\:messages"),
                    "an unknown name gets the same message as a wrong password");

            browser.go("/");
            assertTrue(browser.path().endsWith("/login.xhtml"));
        }
    }

    @Test
    void fiveWrongPasswordsLockTheNameWithAMessageThatSaysForHowLong() {
        try (Browser browser = Browser.open(base)) {
            String name = "lock-me-" + System.nanoTime(); // no such person: locking must look the same
            for (int i = 0; i < 4; i++) {
                browser.logIn(name, "wrong");
                assertEquals("用户名或密码错误，请重新输入。", browser.text("#login\\:messages"));
            }
            browser.logIn(name, "wrong");
            assertEquals("登录失败次数过多，该账号已暂时锁定，请 15 分钟后再试。", browser.text("#login\\:messages"));
            browser.screenshot("login-locked-zh");
        }
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSite() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base.toExternalForm().replaceAll("/+$", "") + "/login.xhtml")).build(),
                java.net.http.HttpResponse.BodyHandlers.discarding());
        String cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID=")).findFirst().orElseThrow();
        assertTrue(cookie.contains("HttpOnly") && cookie.contains("SameSite=Lax"), cookie);
    }

    @Test
    void emptyFieldsAreRefusedWithTranslatedMessages() {
        try (Browser browser = Browser.open(base)) {
            browser.go("/login.xhtml");
            browser.click("#login\\:submit");
            String messages = browser.text("#login\\:messages");
            assertTrue(messages.contains("请输入用户名") && messages.contains("请输入密码"), messages);
        }
    }

    @Test
    void aProtectedPageAskedForBeforeLoginOpensAfterIt() {
        try (Browser browser = Browser.open(base)) {
            browser.go("/ops/jobs.xhtml");
            assertTrue(browser.path().endsWith("/login.xhtml"));
            browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
            assertEquals("批处理作业", browser.text("h1.xt-title"));
            assertTrue(browser.awaitPath("/ops/jobs.xhtml"), browser.path());
        }
    }

    @Test
    void staffSeeNoOperatorOrAdminMenuAndAreRefusedThosePages() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("wangwei.cs", DemoUniversity.DEFAULT_PASSWORD);
            assertEquals("工作台", browser.text("h1.xt-title"));
            assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("menu:menu-jobs")).isEmpty());
            assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("menu:menu-mail")).isEmpty());

            browser.go("/ops/jobs.xhtml");
            assertEquals("您没有访问该页面的权限。", browser.text("#error-message"));
            browser.go("/admin/mail.xhtml");
            assertEquals("您没有访问该页面的权限。", browser.text("#error-message"));
        }
    }
}
