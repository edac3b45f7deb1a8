package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.JobsPage;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E3, O2.2, C1: a batch operator runs the weekly backup from the jobs page on a phone, watches it complete with its
 * progress, finds the complete set, verifies it; in both languages, at phone width, every input labelled.
 */
class BackupPageIT extends BrowserTest {

    @Test
    void anOperatorBacksUpAndVerifiesFromThePhoneInBothLanguages() throws Exception {
        for (String language : List.of("zh", "en")) {
            boolean zh = language.equals("zh");
            try (Browser browser = Browser.openPhone(base)) {
                browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
                if (!zh) {
                    browser.switchToEnglish();
                }
                browser.go("/ops/jobs.xhtml");
                browser.find("#jobs\\:runs");
                browser.choose("#jobs\\:job", zh ? "每周备份" : "Weekly backup");
                browser.find("#jobs\\:sets");
                String first = JobsPage.startAndAwaitCompleted(browser, zh);
                assertTrue(first.contains("100%"), "the progress bar is full: " + first);
                String set = browser.awaitText("#jobs\\:setList tbody tr:first-child", zh ? "完整" : "Complete");
                assertTrue(set.contains(zh ? "尚未校验" : "Not verified yet"), set);
                assertTrue(browser.fitsWidth(), "the jobs page scrolls sideways: " + browser.widths());
                assertEquals(List.of(), browser.unlabelledInputs());
                browser.screenshot("phone-jobs-backup-" + language);

                browser.choose("#jobs\\:job", zh ? "备份校验" : "Backup verification");
                JobsPage.startAndAwaitCompleted(browser, zh);
                browser.awaitText("#jobs\\:setList tbody tr:first-child", zh ? "校验通过" : "sound");
            }
        }
    }
}
