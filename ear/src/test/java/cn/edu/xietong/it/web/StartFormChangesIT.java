package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * A1 as the initiator meets it: on the leave form the days follow the dates (working days, by the university's
 * calendar) and the path follows the fields its conditions name, without pressing "refresh the path"; the days stay
 * the initiator's to correct.
 */
class StartFormChangesIT extends BrowserTest {

    private static final String PASSWORD = "Start-Form-2026";

    /** Sets a date input as a person picking a date does: the value, then the change event. */
    private static void pick(Browser browser, String css, String date) {
        browser.script("arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', "
                + "{bubbles: true}));", browser.find(css), date);
    }

    private static String days(Browser browser) {
        return String.valueOf(browser.script("return document.querySelector(\"[data-field='days']\").value;"));
    }

    @Test
    void theDaysFollowTheDatesAndThePathFollowsTheDays() {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(staff, PASSWORD);
            browser.click("#menu\\:menu-flow-start");
            browser.click("a.xt-flow-card[href*='design=']");
            assertEquals("请假申请", browser.text("h1.xt-title"));
            pick(browser, "[data-field='period.from']", "2026-12-14");
            pick(browser, "[data-field='period.to']", "2026-12-25");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> "10".equals(days(browser)));
            browser.awaitText("#start\\:path", "校领导审批");

            pick(browser, "[data-field='period.to']", "2026-12-15");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> "2".equals(days(browser)));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(d -> !browser.text("#start\\:path").contains("校领导审批"));

            browser.type("[data-field='days']", "4");
            browser.click("h1.xt-title"); // leaves the field: its change is sent
            browser.awaitText("#start\\:path", "校领导审批");
            assertEquals("4", days(browser), "the initiator corrects the days; the form keeps them");
            assertFalse(browser.text("#start\\:path").isBlank());
            browser.screenshot("start-form-days-and-path");
        }
    }
}
