package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Sessions end when they should (S2, S3; ASVS 3.3): deactivation, an administrator's password reset, the person's own
 * password change (elsewhere) and a change of roles end the person's sessions at their very next request, and no
 * session outlives the policy's absolute lifetime. The person is told why on the login page, and the ending is
 * audited. The check reads the database at each request, so it holds on every server of a cluster.
 */
class SessionsEndIT extends BrowserTest {

    private static final String PASSWORD = "Sessions-Pass-2026";

    /** A fresh person, logged in on their workbench in {@code browser}. */
    private String loggedIn(Browser browser) {
        String login = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        browser.logIn(login, PASSWORD);
        assertEquals("工作台", browser.text("h1.xt-title"));
        return login;
    }

    /** The person's next request lands on the login page, which says why; the ending is in the audit trail. */
    private void endedAtNextRequest(Browser browser, String login, String why, String audited) {
        browser.go("/directory/people.xhtml");
        assertTrue(browser.awaitPath("/login.xhtml"), browser.path());
        assertTrue(browser.text("#session-ended").contains(why), browser.text("#session-ended"));
        browser.go("/");
        assertTrue(browser.awaitPath("/login.xhtml"), "the session is gone, not only redirected once");
        String trail = FixtureServlet.call(base, "/audits?event=SESSION_ENDED&login=" + login);
        assertTrue(trail.contains(audited), trail);
    }

    @Test
    void deactivationEndsThePersonsSessionAtTheirNextRequest() {
        try (Browser person = Browser.open(base); Browser admin = Browser.open(base)) {
            String login = loggedIn(person);
            admin.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            admin.go("/admin/account.xhtml?login=" + login);
            admin.type("#account\\:reason", "调离");
            admin.click("#account\\:deactivate");
            assertEquals("已停用", admin.awaitText("#account\\:status", "已停用"));

            endedAtNextRequest(person, login, "账号已被停用", "DEACTIVATED");
            person.screenshot("session-ended-deactivated-zh");
        }
    }

    @Test
    void anAdministratorsPasswordResetEndsThePersonsSessionAtTheirNextRequest() {
        try (Browser person = Browser.open(base); Browser admin = Browser.open(base)) {
            String login = loggedIn(person);
            admin.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            admin.go("/admin/account.xhtml?login=" + login);
            admin.click("#account\\:reset");
            String temporary = admin.text("#temporary-password");

            endedAtNextRequest(person, login, "管理员已重置您的密码", "PASSWORD_RESET");
            person.logIn(login, temporary);
            assertTrue(person.awaitPath("/account/password.xhtml"), "the new login must choose a password");
        }
    }

    @Test
    void changingOnesOwnPasswordEndsTheOtherSessionsButNotTheOneItWasChangedIn() {
        try (Browser older = Browser.open(base); Browser changing = Browser.open(base)) {
            String login = loggedIn(older);
            changing.logIn(login, PASSWORD);
            assertEquals("工作台", changing.text("h1.xt-title"));
            changing.go("/account/password.xhtml");
            changing.type("#password\\:current", PASSWORD);
            changing.type("#password\\:next", "Changed-Pass-2027");
            changing.type("#password\\:confirmation", "Changed-Pass-2027");
            changing.click("#password\\:change");
            assertEquals("密码已修改。", changing.awaitText("#messages", "密码已修改"));

            endedAtNextRequest(older, login, "密码已在别处修改", "PASSWORD_CHANGED");
            changing.go("/directory/people.xhtml");
            assertTrue(changing.awaitPath("/directory/people.xhtml"), "the session it was changed in goes on");
        }
    }

    @Test
    void aChangeOfRolesEndsThePersonsSessionAtTheirNextRequest() throws Exception {
        try (Browser person = Browser.open(base); Browser admin = Browser.open(base)) {
            String login = loggedIn(person);
            admin.logIn("luan", DemoUniversity.DEFAULT_PASSWORD);
            admin.go("/security/roles.xhtml?login=" + login);
            admin.choose("#roles\\:role", "实施工作部门");
            admin.click("#roles\\:grant");
            admin.awaitText("#roles\\:grants", "实施工作部门");

            endedAtNextRequest(person, login, "角色已变更", "ROLES_CHANGED");
            person.logIn(login, PASSWORD);
            assertTrue(person.text("#profile-roles").contains("实施工作部门"), "the new login carries the new role");
        }
    }

    /**
     * The absolute lifetime (12 hours by default) is checked against the office clock, which the test server lets a
     * test move; the idle timeout is the container's and runs on real time, so it plays no part here.
     */
    @Test
    void noSessionOutlivesThePolicysAbsoluteLifetimeHoweverActive() {
        try (Browser person = Browser.open(base)) {
            String login = loggedIn(person);
            Instant loggedInAt = Instant.now();
            try {
                FixtureServlet.call(base, "/clock?at=" + loggedInAt.plus(Duration.ofHours(12).minusMinutes(2)));
                person.go("/directory/people.xhtml");
                assertTrue(person.awaitPath("/directory/people.xhtml"), "within the lifetime the session goes on");

                FixtureServlet.call(base, "/clock?at=" + loggedInAt.plus(Duration.ofHours(12).plusMinutes(1)));
                endedAtNextRequest(person, login, "最长时限", "EXPIRED");
            } finally {
                FixtureServlet.call(base, "/clock-reset");
            }
        }
    }
}
