package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O3.2 as the unit's IT staff and the system administrator meet it: confirming an overdue member, reporting one who
 * left, and the report the administrator reads.
 */
class RecertificationPageIT extends BrowserTest {

    private static final String PASSWORD = "Recert-Page-2026";

    @Test
    void unitItConfirmsAnOverdueMemberAndReportsALeaverTheAdministratorSeesIt() {
        String it = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + it);
        String overdue = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit
                + "&confirmedDaysAgo=200");
        String leaver = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.click("#menu\\:menu-recert");
            assertEquals("人员复核", browser.text("h1.xt-title"));
            String overdueRow = "tr.xt-member-" + overdue.replace(".", "\\.");
            assertTrue(browser.text(overdueRow).contains("已逾期"));

            browser.click("#recert\\:tick-overdue");
            browser.click("#recert\\:confirm");
            browser.awaitText("#messages", "已确认 1 人");
            assertTrue(!browser.text(overdueRow).contains("已逾期"), browser.text(overdueRow));

            browser.click("tr.xt-member-" + leaver + " .xt-report");
            browser.type("#leaver\\:reason", "已调往外校");
            browser.click("#leaver\\:send");
            browser.awaitText("#messages", "报告已提交");
            assertTrue(browser.awaitText("tr.xt-member-" + leaver, "已调往外校").contains("已调往外校"));
            browser.screenshot("recertification-zh");
        }
        try (Browser admin = Browser.open(base)) {
            admin.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            admin.click("#menu\\:menu-recert-report");
            assertEquals("人员复核报告", admin.text("h1.xt-title"));
            String row = admin.text("#leavers tr.xt-member-" + leaver);
            assertTrue(row.contains("已调往外校") && row.contains(it), row);
            assertTrue(admin.driver().findElements(By.cssSelector("#overdue tr.xt-member-" + overdue)).isEmpty(),
                    "confirmed: not overdue any more");
        }
    }
}
