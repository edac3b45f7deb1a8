package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B1 as a unit leader reads it: their own online share and who missed the afternoon, for a chosen working day. */
class PresenceReportPageIT extends BrowserTest {

    private static final String PASSWORD = "Presence-Page-2026";

    @Test
    void leaderReadsTheirUnitsDayAndAHolidayHasNoReport() {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        FixtureServlet.call(base, "/presence?login=" + leader + "&day=2026-11-25&minutes=480,510,540,570,600,630,660,690");
        FixtureServlet.call(base, "/presence?login=" + staff + "&day=2026-11-25&minutes=545");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.click("#menu\\:menu-presence");
            assertEquals("每日在线情况报告", browser.text("h1.xt-title"));

            browser.setValue("#report\\:day_input", "2026-11-25");
            browser.click("#report\\:show");
            String row = "tr.xt-unit-" + unit;
            assertTrue(browser.awaitText(row + " .xt-leaders", "53%").contains("53%"));
            assertTrue(browser.text(row + " .xt-person-" + staff).contains("（下午未登录）"));
            assertTrue(!browser.text(row + " .xt-person-" + staff).contains("（上午未登录）"));
            browser.screenshot("presence-report-zh");

            browser.setValue("#report\\:day_input", "2026-10-01");
            browser.click("#report\\:show");
            assertTrue(browser.awaitText("#messages", "不是工作日").contains("不是工作日"));
        }
    }
}
