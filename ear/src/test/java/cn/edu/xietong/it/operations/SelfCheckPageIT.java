package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C1: a batch operator starts the self-check from the jobs page and watches it complete. */
class SelfCheckPageIT extends BrowserTest {

    @Test
    void operatorRunsTheSelfCheckAndSeesItCompleteWithItsReport() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-jobs");
            assertEquals("批处理作业", browser.text("h1.xt-title"));

            browser.click("#jobs\\:start");
            String started = browser.awaitText("#messages", "系统自检已启动");
            String execution = started.replaceAll("\\D+", " ").trim();

            // The page polls while a run is active; the newest run is the first row.
            String firstRow = browser.awaitText("#jobs\\:runs tbody tr:first-child", "已完成");
            assertTrue(firstRow.startsWith(execution), firstRow + " should be execution " + execution);
            assertTrue(firstRow.contains("yanhua"), firstRow);

            String summary = browser.awaitText("#report-summary", "执行编号 " + execution);
            assertTrue(summary.matches("执行编号 \\d+：共 \\d+ 张表，[\\d,]+ 行。"), summary);
            assertTrue(browser.text("#jobs\\:entries").contains("audit_record"), "the first page of tables, in name order");
            browser.screenshot("jobs-self-check-zh");
        }
    }

    @Test
    void theOperatorSeesEveryHealthCheckWithItsDetail() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
            browser.find("#current-user-name"); // logged in: the session cookie read next is the logged-in one
            String body = new String(fetch(browser, "/health/details").body(), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(body.contains("\"database\":{\"status\":\"UP\",\"detail\":\""), body);
            assertTrue(body.contains("\"mail\":{") && body.contains("\"scanner\":{\"status\":\"UP\","
                    + "\"detail\":\"not configured (demo mode)\"}"), body);
        }
    }
}
