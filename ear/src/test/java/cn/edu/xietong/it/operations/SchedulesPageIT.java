package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C1: a batch operator reads the weekly schedules on a phone, is told why an expression cannot be used, takes a common
 * schedule, previews its next runs in the campus time zone and saves it; in both languages, at phone width, every
 * input labelled.
 */
class SchedulesPageIT extends BrowserTest {

    @Test
    void anOperatorPreviewsAndChangesAScheduleFromThePhoneInBothLanguages() throws Exception {
        for (String language : List.of("zh", "en")) {
            boolean zh = language.equals("zh");
            try (Browser browser = Browser.openPhone(base)) {
                browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
                if (!zh) {
                    browser.switchToEnglish();
                }
                browser.go("/ops/jobs.xhtml");
                browser.click("#jobs\\:toSchedules");
                assertTrue(browser.awaitPath("/ops/schedules.xhtml"), "the jobs page leads to the schedules");
                String list = browser.text("#schedules\\:list");
                assertTrue(list.contains("0 2 * * SUN"), list);
                assertTrue(list.contains(zh ? "星期日" : "Sunday"), "the next backup is on a Sunday: " + list);

                long rows = (Long) browser.script(
                        "return document.querySelectorAll('[id=\"schedules:list\"] tbody tr').length;");
                String row = "#schedules\\:list\\:" + (rows - 1) + "\\:";
                assertTrue(browser.text("#schedules\\:list tbody tr:last-child")
                        .contains(zh ? "系统自检" : "System self-check"));
                browser.click(row + "edit");
                browser.find("#schedules\\:editor");

                browser.type("#schedules\\:expression", "0 25 * * *");
                browser.click("#schedules\\:showPreview");
                browser.awaitText("#messages", zh ? "不是由五个字段" : "is not a calendar expression");
                assertFalse(browser.text("#schedules\\:preset_label").contains("MON-FRI"),
                        "the common schedules no longer claim the expression typed over them");

                browser.choose("#schedules\\:preset",
                        (zh ? "工作日 07:30" : "Working days at 07:30") + " — 30 7 * * MON-FRI");
                browser.awaitText("#schedules\\:preview", zh ? "星期" : "day");
                String preview = browser.text("#schedules\\:preview");
                assertEquals(5, browser.driver().findElements(By.cssSelector("[id='schedules:preview'] li")).size(),
                        preview);
                for (String weekend : zh ? List.of("星期六", "星期日") : List.of("Saturday", "Sunday")) {
                    assertFalse(preview.contains(weekend), "working days only: " + preview);
                }
                assertTrue(preview.contains("07:30"), preview);

                assertTrue(browser.fitsWidth(), "the schedules page scrolls sideways: " + browser.widths());
                assertEquals(List.of(), browser.unlabelledInputs());
                browser.screenshot("phone-schedules-" + language);

                browser.click("#schedules\\:save");
                browser.awaitText("#schedules\\:list tbody tr:last-child", "30 7 * * MON-FRI");
                browser.awaitText("#messages", zh ? "计划已保存" : "Schedule saved");
            }
        }
    }
}
