package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B2 as the system administrator keeps it: the year's holidays listed, a notice loaded, a wrong line refused. */
class CalendarPageIT extends BrowserTest {

    @Test
    void administratorSeesTheNoticeAndLoadsNextYearsWholeOrNotAtAll() throws InterruptedException {
        int next = LocalDate.now().getYear() + 1;
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-calendar");
            assertEquals("工作日历", browser.text("h1.xt-title"));
            if (LocalDate.now().getYear() == 2026) {
                assertTrue(browser.text("tr.xt-day-2026-10-10").contains("调休上班"));
            }

            browser.type("#import\\:csv", "date,kind,festival\n" + next + "-12-30,holiday,测试\n" + next + "-12-32,x,y");
            browser.click("#import\\:load");
            assertTrue(browser.awaitText("#messages", "有误").contains("3"));
            browser.type("#import\\:csv", "date,kind,festival\n" + next + "-12-30,holiday,测试");
            browser.click("#import\\:load");
            browser.awaitText("#messages", "已导入 1 天");
            browser.choose("#calendar\\:year", String.valueOf(next));
            String row = "tr.xt-day-" + next + "-12-30";
            assertTrue(browser.awaitText(row, "放假").contains("测试"));

            browser.click(row + " button");
            browser.awaitText("#messages", "恢复按常规");
            assertTrue(browser.driver().findElements(By.cssSelector(row)).isEmpty());
        }
    }
}
