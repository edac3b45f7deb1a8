package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A1–A3, B3 as people meet them: a member of staff asks for five days' leave, their unit leader returns it with a
 * reason, they revise and resubmit, the unit leader approves (adding a remark), a school leader approves, and the
 * signed trail verifies, on the page and on the printed approval sheet (PDF).
 */
class LeaveRequestStoryIT extends BrowserTest {

    private static final String PASSWORD = "Leave-Story-2026";

    @Test
    void aLeaveRequestGoesThroughAReturnToBothLeadersAndItsTrailVerifies() throws Exception {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        String instancePath;
        try (Browser browser = Browser.open(base)) {
            browser.logIn(staff, PASSWORD);
            fillLeaveRequest(browser, "年底探亲请假", "事假", "2026-12-14", "2026-12-18", "5", "回老家探望父母");
            browser.click("#start\\:refresh-path");
            browser.awaitText("#start\\:path", "校领导审批");
            browser.select("select.xt-choice", "liming");
            browser.click("#start\\:submit");
            browser.awaitText("#messages", "已提交");
            assertEquals("审批中", browser.text("#instance\\:status"));
            instancePath = "/flow/instance.xhtml?id=" + browser.driver().getCurrentUrl().replaceAll(".*[?&]id=(\\d+).*", "$1");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.click("#menu\\:menu-flow-lists");
            browser.click("#lists\\:tasks a.xt-open");
            browser.type("#instance\\:opinion", "请写明工作代理人");
            browser.click("#instance\\:return");
            browser.awaitText("#messages", "已退回");
            assertEquals("已退回", browser.text("#instance\\:status"));
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(staff, PASSWORD);
            browser.go(instancePath);
            assertTrue(browser.text("#instance\\:return-reason").contains("请写明工作代理人"));
            browser.click("#instance\\:revise");
            browser.awaitText("#start\\:return-reason", "请写明工作代理人");
            browser.pick("[data-field='deputy']", "wangwei.cs", "计算机科学与技术学院");
            browser.select("select.xt-choice", "liming");
            browser.click("#start\\:submit");
            browser.awaitText("#messages", "已提交");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.go(instancePath);
            assertTrue(browser.text("#instance\\:form").contains("王伟 (wangwei.cs)"));
            browser.type("[data-field='remark']", "注意工作交接");
            browser.type("#instance\\:opinion", "同意");
            browser.click("#instance\\:approve");
            browser.awaitText("#messages", "已同意");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn("liming", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-flow-lists");
            browser.go(instancePath);
            browser.type("#instance\\:opinion", "同意，路上注意安全");
            browser.click("#instance\\:approve");
            browser.awaitText("#messages", "已同意");
            assertEquals("已通过", browser.text("#instance\\:status"));
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(staff, PASSWORD);
            browser.go(instancePath);
            assertEquals("已通过", browser.text("#instance\\:status"));
            assertTrue(browser.text("#instance\\:form").contains("注意工作交接"));
            String verification = browser.text("#instance\\:verification");
            assertTrue(verification.contains("签名验证通过") && verification.contains("6 条"), verification);
            String trail = browser.text("#instance\\:trail");
            assertTrue(trail.contains("退回") && trail.contains("请写明工作代理人") && trail.contains("同意，路上注意安全"),
                    trail);
            browser.screenshot("leave-story-approved");

            String sheet = pdfText(browser, instancePath.replace("/flow/instance.xhtml", "/flow/sheet"));
            assertTrue(sheet.contains("请假申请 审批单") && sheet.contains("年底探亲请假"), sheet);
            assertTrue(sheet.contains("同意，路上注意安全") && sheet.contains("请写明工作代理人"), sheet);
            assertTrue(sheet.contains("签名验证通过：6 条记录完整"), sheet);
        }
    }

    /** Fetches a PDF in the browser's session and returns its text. */
    private String pdfText(Browser browser, String path) throws Exception {
        HttpResponse<byte[]> response = fetch(browser, path);
        assertEquals(200, response.statusCode());
        assertEquals("application/pdf", response.headers().firstValue("Content-Type").orElse(""));
        try (PDDocument pdf = Loader.loadPDF(response.body())) {
            return new PDFTextStripper().getText(pdf);
        }
    }
}
