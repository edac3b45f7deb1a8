package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Publishing as people do it (B4): a holder of the publishing right writes a notice for one unit with the rich-text
 * editor and submits it; nobody reads it before its flow approves it (the approver opens the whole item from the
 * flow); once approved it is on its unit's board and workbench and not on another unit's (whose direct link is
 * refused); its writer sees who has read it. The board and the writing page fit a phone.
 */
class NoticeStoryBrowserIT extends BrowserTest {

    private static final String PASSWORD = "Notice-Story-2026x";

    private String person(String unit) {
        return FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
    }

    @Test
    void aNoticeIsApprovedThenReadByItsUnitOnlyAndItsWriterSeesWhoReadIt() throws Exception {
        String writer = person("CS");
        String reader = person("CS");
        String outsider = person("FL");
        FixtureServlet.call(base, "/publishing-right?login=" + writer + "&unit=CS&category=notice");
        String title = "监考安排" + UUID.randomUUID().toString().substring(0, 4);
        String noticeId;
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn(writer, PASSWORD);
            browser.go("/notices/mine.xhtml");
            browser.click("#new a[data-category]");
            assertTrue(browser.awaitPath("/notices/edit.xhtml"), browser.path());
            assertTrue(browser.fitsWidth(), "the writing page fits a phone: " + browser.widths());
            assertTrue(browser.unlabelledInputs().isEmpty(), browser.unlabelledInputs().toString());
            browser.type("#edit\\:title", title);
            browser.find("#edit\\:body .ql-editor").sendKeys("请各位老师按时到岗监考。");
            browser.click("#edit\\:school .ui-chkbox-box"); // not the whole school: the writer's unit only
            // the real checkbox is PrimeFaces' visually hidden input: present, but not "visible" to every Chromium
            assertFalse(browser.driver().findElement(By.cssSelector("#edit\\:school_input")).isSelected());
            browser.click("#edit\\:units");
            browser.find("#edit\\:units_panel").findElements(By.cssSelector("li.ui-selectcheckboxmenu-item")).stream()
                    .filter(li -> li.getText().contains("计算机科学与技术学院")).findFirst().orElseThrow().click();
            browser.find("#edit\\:title").click();
            assertTrue(browser.text("#edit\\:units").contains("计算机科学与技术学院"), browser.text("#edit\\:units"));
            browser.click("#edit\\:submit");
            browser.awaitText("#messages", "已提交审核");
            assertEquals("审核中", browser.text("#state"));
            noticeId = browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(reader, PASSWORD);
            browser.go("/notices/board.xhtml");
            assertFalse(browser.find("main.xt-content").getText().contains(title), "nothing is read before approval");
        }

        FixtureServlet.call(base, "/approve-publication?approvers=hanmei,sunli&title="
                + URLEncoder.encode(title, StandardCharsets.UTF_8));

        try (Browser browser = Browser.open(base)) {
            browser.logIn(reader, PASSWORD);
            assertTrue(browser.text("#card-notices").contains(title), "the workbench's card lists it");
            browser.go("/notices/board.xhtml");
            WebElement row = browser.find("li.xt-notice-row[data-notice='" + noticeId + "']");
            assertTrue(row.getAttribute("class").contains("xt-unread"), row.getAttribute("class"));
            browser.click("li.xt-notice-row[data-notice='" + noticeId + "'] a.xt-notice-title");
            assertEquals(title, browser.text("h1"));
            assertTrue(browser.text("#body").contains("请各位老师按时到岗监考。"));
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(outsider, PASSWORD);
            browser.go("/notices/board.xhtml");
            assertFalse(browser.find("main.xt-content").getText().contains(title), "another unit does not read it");
            HttpResponse<byte[]> direct = fetch(browser, "/notices/notice.xhtml?id=" + noticeId);
            assertEquals(403, direct.statusCode(), "nor by its link");
        }
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn(writer, PASSWORD);
            browser.go("/notices/readers.xhtml?id=" + noticeId);
            assertTrue(browser.find("#read li[data-login='" + reader + "']").getText().contains("计算机科学与技术学院"));
            assertTrue(browser.driver().findElements(By.cssSelector("#unread li[data-login='" + reader + "']")).isEmpty(),
                    "the reader is no longer among those who have not read it");
            assertTrue(browser.fitsWidth(), browser.widths());
            browser.go("/notices/board.xhtml");
            assertTrue(browser.fitsWidth(), "the board fits a phone: " + browser.widths());
        }
    }
}
