package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.JobsPage;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C1, E3: a batch operator runs the weekly cleanup from the jobs page on a phone, opens the run's report (totals per
 * kind, its lines, audit records kept) and exports it as CSV; in both languages, at phone width, every input labelled.
 */
class JobReportPageIT extends BrowserTest {

    @Test
    void anOperatorOpensACleanupReportAndExportsItFromThePhoneInBothLanguages() throws Exception {
        for (String language : List.of("zh", "en")) {
            boolean zh = language.equals("zh");
            try (Browser browser = Browser.openPhone(base)) {
                browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
                if (!zh) {
                    browser.switchToEnglish();
                }
                browser.go("/ops/jobs.xhtml");
                browser.find("#jobs\\:runs");
                browser.choose("#jobs\\:job", zh ? "每周清理" : "Weekly cleanup");
                String first = JobsPage.startAndAwaitCompleted(browser, zh);
                assertTrue(first.contains("%"), "the cleanup shows its progress: " + first);
                browser.click("#jobs\\:runs tbody tr:first-child [id$='openReport']");
                String report = browser.awaitText("#jobs\\:jobReport",
                        zh ? "开始时找到的项" : "Items found at the start");
                assertTrue(report.contains(zh ? "保留的审计记录（从不删除）" : "Audit records kept (never removed)"),
                        report);
                assertTrue(report.contains(zh ? "按类别合计" : "Totals per kind"), report);
                assertTrue(browser.fitsWidth(), "the report scrolls sideways: " + browser.widths());
                assertEquals(List.of(), browser.unlabelledInputs());
                browser.script("document.getElementById('jobs:jobReport').scrollIntoView();");
                browser.screenshot("phone-jobs-report-" + language);

                URI export = URI.create(browser.find("#jobs\\:exportReport").getAttribute("href"));
                HttpResponse<byte[]> csv = fetch(browser, export.getRawPath() + "?" + export.getRawQuery());
                assertEquals(200, csv.statusCode());
                assertTrue(csv.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
                String text = new String(csv.body(), StandardCharsets.UTF_8);
                assertTrue(text.startsWith("\uFEFF" + (zh ? "类别,对象,链接,数量,大小" : "Kind,Subject,Link,Amount,Size")),
                        text);
                assertTrue(text.contains(zh ? "保留的审计记录（从不删除）" : "Audit records kept (never removed)"), text);

                browser.click("#jobs\\:closeReport");
                browser.awaitAjax();
                assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("jobs:jobReport")).isEmpty());
            }
        }
    }
}
