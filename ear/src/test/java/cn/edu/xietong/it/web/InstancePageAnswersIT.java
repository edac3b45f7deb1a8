package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3: what the instance page and its downloads answer. A handler never gets the initiator's revision page (it would
 * show every field); another unit's instance, an instance that does not exist, a design page for staff all answer
 * 403 with the translated page and one WARN line in the log, never 500 or a stack trace; a missing id is 404 and a
 * malformed one 400. After an Ajax action the page's next postbacks (language switch, logout) still work.
 */
@ExtendWith(ArquillianExtension.class)
class InstancePageAnswersIT extends BrowserTest {

    private static final String PASSWORD = "Answers-2026xy";

    private static Path serverLog() {
        return Path.of(System.getProperty("it.server.base"), "log", "server.log");
    }

    private static long logSize() throws IOException {
        return Files.size(serverLog());
    }

    /** What the server logged since {@code from} (bytes). */
    private static String loggedSince(long from) throws IOException {
        try (RandomAccessFile log = new RandomAccessFile(serverLog().toFile(), "r")) {
            byte[] added = new byte[(int) (log.length() - from)];
            log.seek(from);
            log.readFully(added);
            return new String(added, StandardCharsets.UTF_8);
        }
    }

    private String[] initiatorAndLeader() {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + staff);
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER&unit=" + unit);
        return new String[]{staff, leader};
    }

    /** Logs in and waits for the first page after it, so that the session cookie read next is the logged-in one. */
    private static void logIn(Browser browser, String login) {
        browser.logIn(login, PASSWORD);
        browser.find("#current-user-name");
    }

    @Test
    void aHandlerNeverGetsTheInitiatorsRevisionPageButTheInitiatorDoes() throws Exception {
        String[] people = initiatorAndLeader();
        String id = FixtureServlet.call(base, "/leave?login=" + people[0] + "&days=2");
        try (Browser browser = Browser.open(base)) {
            logIn(browser, people[1]);
            assertEquals(403, fetch(browser, "/flow/start.xhtml?instance=" + id).statusCode());
            browser.go("/flow/instance.xhtml?id=" + id);
            assertTrue(browser.text("#instance\\:form").contains("事由"), "the handler sees the instance itself");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(people[0], PASSWORD);
            browser.go("/flow/instance.xhtml?id=" + id);
            browser.click("#instance\\:withdraw");
            browser.awaitText("#messages", "已撤回");
            browser.click("#instance\\:revise");
            assertEquals("事由", browser.find("[data-field='reason']").getAttribute("value"));
        }
    }

    @Test
    void refusalsAnswer403WithOneWarningAndIdsThatNameNothingAnswer404Or400() throws Exception {
        String[] people = initiatorAndLeader();
        String id = FixtureServlet.call(base, "/leave?login=" + people[0] + "&days=2");
        String stranger = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.open(base)) {
            logIn(browser, stranger);
            long before = logSize();
            var refused = fetch(browser, "/flow/instance.xhtml?id=" + id);
            assertEquals(403, refused.statusCode());
            assertTrue(new String(refused.body(), StandardCharsets.UTF_8).contains("您没有访问该页面的权限"),
                    "the translated page");
            String logged = loggedSince(before);
            assertFalse(logged.contains(" ERROR "), logged);
            assertEquals(1, logged.lines().filter(l -> l.matches(".* WARN(ING)? .*")).count(), logged);

            assertEquals(403, fetch(browser, "/flow/instance.xhtml?id=987654321").statusCode(),
                    "an instance that does not exist looks like one that is not yours");
            assertEquals(403, fetch(browser, "/flow/sheet?id=" + id).statusCode());
            assertEquals(403, fetch(browser, "/flow/sheet?id=987654321").statusCode());
            assertEquals(404, fetch(browser, "/flow/instance.xhtml").statusCode());
            assertEquals(400, fetch(browser, "/flow/instance.xhtml?id=abc").statusCode());
            assertEquals(403, fetch(browser, "/flow/designs.xhtml").statusCode());
            assertEquals(403, fetch(browser, "/flow/review.xhtml").statusCode());
            assertEquals(403, fetch(browser, "/flow/form-designer.xhtml").statusCode());
            assertEquals(403, fetch(browser, "/flow/design-editor.xhtml").statusCode());
            assertFalse(loggedSince(before).contains(" ERROR "), "no refusal logs an error");
        }
    }

    @Test
    void afterAnAjaxActionTheLanguageSwitchAndLogoutStillWork() throws Exception {
        String[] people = initiatorAndLeader();
        String id = FixtureServlet.call(base, "/leave?login=" + people[0] + "&days=2");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(people[1], PASSWORD);
            browser.go("/flow/instance.xhtml?id=" + id);
            browser.click("#instance\\:reject");
            browser.awaitText("#messages", "请填写原因");
            browser.click("#topbar\\:lang-en");
            browser.awaitText("#instance\\:status", "In progress");
            Object shown = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                    "var m = document.getElementById('messages'); return m ? m.innerText : '';");
            assertTrue(String.valueOf(shown).isBlank(), "no complaint about a missing page parameter: " + shown);
            browser.type("#instance\\:opinion", "Agreed");
            browser.click("#instance\\:approve");
            browser.awaitText("#messages", "Approved");
            browser.click("#topbar\\:logout");
            assertTrue(browser.awaitPath("/login.xhtml"), browser.path());
        }
    }
}
