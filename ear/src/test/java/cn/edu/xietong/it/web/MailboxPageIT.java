package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The mailbox page (A4): the quota bar asks to clean up near the limit and says more firmly when the mailbox is full;
 * on a phone (390×844) the folders fold above the list and the mailbox, a mail and the compose page fit the width and
 * label every input.
 */
class MailboxPageIT extends BrowserTest {

    private static final String PASSWORD = "Mailbox-Page-2026";
    private static final long MB = 1024 * 1024;

    private String person() {
        return FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
    }

    @Test
    void theQuotaBarAsksToCleanUpNearTheLimitAndWarnsMoreStronglyWhenFull() {
        String owner = person();
        String writer = person();
        FixtureServlet.call(base, "/mail-quota?login=" + owner + "&mb=10");
        FixtureServlet.call(base, "/mail?from=" + writer + "&to=" + owner + "&subject=big&bytes=" + (95 * MB / 10));
        try (Browser browser = Browser.open(base)) {
            browser.logIn(owner, PASSWORD);
            browser.go("/mail/mailbox.xhtml");
            assertTrue(browser.text("#quota-near").contains("邮箱快满了"), browser.text("#quota"));
            assertTrue(browser.driver().findElements(By.id("quota-over")).isEmpty());
            assertTrue(browser.text("#quota-figures").contains("10.0 MB"), browser.text("#quota-figures"));
            browser.screenshot("mailbox-quota-near");
            FixtureServlet.call(base, "/mail?from=" + writer + "&to=" + owner + "&subject=bigger&bytes=" + MB);
            browser.go("/mail/mailbox.xhtml");
            assertTrue(browser.text("#quota-over").contains("邮箱已满"), browser.text("#quota"));
            assertTrue(browser.driver().findElements(By.id("quota-near")).isEmpty());
        }
    }

    @Test
    void onAPhoneTheFoldersSitAboveTheListAndTheMailPagesFitTheWidthWithEveryInputLabelled() {
        String owner = person();
        String writer = person();
        String mail = FixtureServlet.call(base, "/mail?from=" + writer + "&to=" + owner
                + "&subject=a-rather-long-subject-without-any-spaces-that-must-wrap-instead-of-pushing-the-page-wide");
        try (Browser browser = Browser.openPhone(base)) {
            assertEquals(390L, browser.script("return window.innerWidth;"), "the phone's viewport");
            browser.logIn(owner, PASSWORD);
            browser.go("/mail/mailbox.xhtml");
            browser.find("li.xt-mail-row[data-mail='" + mail + "']");
            check(browser, "mailbox");
            long foldersBottom = (Long) browser.script(
                    "return Math.round(document.getElementById('nav').getBoundingClientRect().bottom);");
            long listTop = (Long) browser.script(
                    "return Math.round(document.getElementById('mailbox').getBoundingClientRect().top);");
            assertTrue(foldersBottom <= listTop, "folders above the list: " + foldersBottom + " > " + listTop);
            browser.go("/mail/read.xhtml?mail=" + mail);
            browser.find("#subject");
            check(browser, "read");
            browser.go("/mail/compose.xhtml");
            browser.find("#compose\\:subject");
            check(browser, "compose");
            browser.go("/mail/groups.xhtml");
            browser.find("#groups\\:name");
            check(browser, "groups");
        }
    }

    @Test
    void aSelectedMailIsMarkedFlaggedMovedToOnesOwnFolderAndFoundBySearch() {
        String owner = person();
        String writer = person();
        String mail = FixtureServlet.call(base, "/mail?from=" + writer + "&to=" + owner + "&subject=budget-2027");
        FixtureServlet.call(base, "/mail?from=" + writer + "&to=" + owner + "&subject=lunch");
        String row = "li.xt-mail-row[data-mail='" + mail + "']";
        try (Browser browser = Browser.open(base)) {
            browser.logIn(owner, PASSWORD);
            browser.go("/mail/mailbox.xhtml");
            assertEquals("2", browser.text("#unseen"));
            browser.click(row + " input[type=checkbox]");
            browser.click("#mailbox\\:read");
            browser.awaitText("#messages", "已标为已读");
            assertTrue(browser.find(row).getAttribute("class").contains("xt-seen"));
            assertEquals("1", browser.text("#unseen"));
            browser.click(row + " input[type=checkbox]");
            browser.click("#mailbox\\:flag");
            browser.awaitText("#messages", "已加旗标");
            assertTrue(browser.find(row).getAttribute("class").contains("xt-flagged"));

            browser.type("#folders\\:name", "预算");
            browser.click("#folders\\:create");
            browser.awaitText("#messages", "文件夹已创建");
            String folder = browser.find("a.xt-own-folder").getAttribute("data-folder");
            browser.click(row + " input[type=checkbox]");
            browser.select("#mailbox\\:target", "own:" + folder);
            browser.click("#mailbox\\:move");
            browser.awaitText("#messages", "已移动");
            assertTrue(browser.driver().findElements(By.cssSelector(row)).isEmpty(), "moved out of the inbox");
            browser.click("a.xt-own-folder[data-folder='" + folder + "']");
            assertEquals("预算", browser.text("#folder-name"));
            browser.find(row);

            browser.go("/mail/mailbox.xhtml");
            browser.click("#search summary");
            browser.type("#mailbox\\:s-subject", "BUDGET");
            browser.click("#mailbox\\:search-go");
            browser.awaitText("#folder-name", "搜索结果");
            assertEquals(1, browser.driver().findElements(By.cssSelector("li.xt-mail-row")).size());
            browser.find(row);
        }
    }

    @Test
    void aDraftIsSavedWhenLeavingTheSubjectAndIsWrittenOnFromTheDrafts() {
        String writer = person();
        String reader = person();
        try (Browser browser = Browser.open(base)) {
            browser.logIn(writer, PASSWORD);
            browser.go("/mail/compose.xhtml");
            browser.pick("[data-field='to']", reader, "测试用户");
            browser.type("#compose\\:subject", "draft-subject");
            browser.click("#compose\\:body .ql-editor");
            browser.awaitText("#compose\\:saved", "草稿已于");
            browser.go("/mail/mailbox.xhtml?folder=DRAFTS");
            browser.click("li.xt-mail-row a.xt-mail-open");
            assertTrue(browser.awaitPath("/mail/compose.xhtml"), browser.path());
            assertEquals("draft-subject", browser.find("#compose\\:subject").getAttribute("value"));
            assertTrue(browser.text("[data-field='to']").contains("测试用户"), browser.text("[data-field='to']"));
            browser.click("#compose\\:send");
            assertTrue(browser.awaitPath("/mail/mailbox.xhtml"), browser.path());
            browser.awaitText("#messages", "邮件已发送给 1 人");
            browser.go("/mail/mailbox.xhtml?folder=DRAFTS");
            browser.find("#mailbox\\:none");
        }
    }

    private static void check(Browser browser, String page) {
        browser.screenshot("phone-mail-" + page);
        assertTrue(browser.fitsWidth(), page + " scrolls sideways: " + browser.widths());
        assertEquals(List.of(), browser.unlabelledInputs(), page + ": inputs without a label");
    }
}
