package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A1, O1.3, O3.3 in the browser: a unit's IT staff build a form with the designer (the live preview follows each
 * change), publish it, draft a flow on it, check it and dry-run it, and submit it; the supervisor returns it with a
 * reason, the IT staff see the reason and resubmit, and the supervisor publishes it.
 */
class FlowDesignPagesIT extends BrowserTest {

    private static final String PASSWORD = "Design-Pages-2026";

    /** Adds a field of a type (null: the preselected text) in the form designer and waits for the preview. */
    private static void addField(Browser browser, int index, String type, String key, String label, String preview) {
        if (type != null) {
            browser.select("#designer\\:new-type", type);
        }
        browser.click("#designer\\:add-field");
        browser.type(".xt-designer-field[data-index='" + index + "'] [data-prop='key']", key);
        browser.type(".xt-designer-field[data-index='" + index + "'] [data-prop='labelZh']", label);
        browser.find("#designer\\:name-en").click();
        browser.awaitText("#designer\\:preview", preview);
    }

    /** B2, A1: a number field set in the designer to count the working days of a date range keeps it when saved. */
    @Test
    void aNumberFieldCountingTheWorkingDaysOfARangeKeepsItWhenSaved() {
        String it = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.go("/flow/form-designer.xhtml");
            browser.type("#designer\\:code", code);
            browser.type("#designer\\:name-zh", "出差申请");
            browser.type("#designer\\:name-en", "Business trip");
            addField(browser, 0, "DATE_RANGE", "period", "出差日期", "出差日期");
            addField(browser, 1, "NUMBER", "days", "出差天数", "出差天数");
            String daysOf = ".xt-designer-field[data-index='1'] [data-prop='daysOf']";
            browser.select(daysOf, "period");
            browser.click("#designer\\:save");
            browser.awaitText("#messages", "已保存");
            browser.click("#menu\\:menu-flow-designs");
            browser.driver().findElements(org.openqa.selenium.By.cssSelector("#forms a.xt-open")).stream()
                    .filter(a -> a.getText().contains("出差申请")).findFirst().orElseThrow().click();
            assertEquals("period", browser.find(daysOf).getAttribute("value"), "the days still follow the range");
            assertEquals("period", browser.find(".xt-designer-field[data-index='0'] [data-prop='key']")
                    .getAttribute("value"));
        }
    }

    /** A1, ecosystem: a detail column has an English label of its own, set in the designer and shown in English. */
    @Test
    void aDetailColumnTakesAnEnglishLabelThatEnglishPagesShow() {
        String it = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.click("#topbar\\:lang-en");
            browser.awaitText("#menu", "Workbench");
            browser.go("/flow/form-designer.xhtml");
            browser.type("#designer\\:code", code);
            browser.type("#designer\\:name-zh", "设备借用");
            browser.type("#designer\\:name-en", "Device loan");
            browser.select("#designer\\:new-type", "DETAIL");
            browser.click("#designer\\:add-field");
            String column = ".xt-designer-field[data-index='0'] .xt-designer-columns [data-prop='labelEn']";
            browser.type(column, "Device name");
            browser.find("#designer\\:name-en").click();
            browser.awaitText("#designer\\:preview th", "Device name");
            browser.click("#designer\\:save");
            browser.awaitText("#messages", "Saved");
            browser.click("#menu\\:menu-flow-designs");
            browser.driver().findElements(org.openqa.selenium.By.cssSelector("#forms a.xt-open")).stream()
                    .filter(a -> a.getText().contains("Device loan")).findFirst().orElseThrow().click();
            assertEquals("Device name", browser.find(column).getAttribute("value"));
        }
    }

    @Test
    void itStaffDesignAFormAndAFlowAndTheSupervisorReturnsThenPublishesIt() {
        String it = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + it);
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER&unit=" + unit);
        String code = "t-" + UUID.randomUUID().toString().substring(0, 8);
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.click("#menu\\:menu-flow-designs");
            browser.click("#new-form");
            browser.type("#designer\\:code", code);
            browser.type("#designer\\:name-zh", "设备借用");
            addField(browser, 0, null, "device", "设备名称", "设备名称");
            addField(browser, 1, "NUMBER", "days", "借用天数", "借用天数");
            addField(browser, 2, "ATTACHMENT", "photo", "设备照片", "正式填写表单时上传文件");
            assertTrue(browser.driver().findElements(org.openqa.selenium.By.cssSelector(
                    "#designer\\:preview input[type=file]")).isEmpty(), "the preview takes no files");
            browser.click("#designer\\:publish");
            browser.awaitText("#messages", "已发布");

            browser.click("#menu\\:menu-flow-designs");
            browser.click("#new-design");
            browser.type("#editor\\:code", code);
            browser.type("#editor\\:name-zh", "设备借用审批");
            browser.driver().findElements(org.openqa.selenium.By.cssSelector("#editor\\:form option")).stream()
                    .filter(o -> o.getText().contains(code)).findFirst().orElseThrow().click();
            browser.click("#editor\\:save");
            browser.awaitText("#editor\\:problems", "检查通过");
            browser.type("#editor\\:sample-initiator", it);
            browser.click("#editor\\:run-dry");
            String dryRun = browser.awaitText("#editor\\:dry-result", "审批环节1");
            assertTrue(dryRun.contains(leader), dryRun);
            browser.click("#editor\\:submit-review");
            browser.awaitText("#messages", "已提交督办员审核");
            assertTrue(browser.text("#status").contains("待审核"));
        }
        try (Browser supervisor = Browser.open(base)) {
            supervisor.logIn("zhouqiang", DemoUniversity.DEFAULT_PASSWORD);
            supervisor.click("#menu\\:menu-flow-review");
            supervisor.type("#review\\:reason", "请补充借用期限说明");
            supervisor.click(".xt-review-item:last-of-type .xt-return-design");
            supervisor.awaitText("#messages", "已退回");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.click("#menu\\:menu-flow-designs");
            browser.click("#designs a.xt-open");
            assertTrue(browser.text("#editor\\:review-note").contains("请补充借用期限说明"));
            browser.type(".xt-designer-field[data-node='0'] [data-prop='nameZh']", "单位负责人审批");
            browser.click("#editor\\:submit-review");
            browser.awaitText("#messages", "已提交督办员审核");
        }
        try (Browser supervisor = Browser.open(base)) {
            supervisor.logIn("zhouqiang", DemoUniversity.DEFAULT_PASSWORD);
            supervisor.click("#menu\\:menu-flow-review");
            supervisor.click(".xt-review-item:last-of-type .xt-publish");
            supervisor.awaitText("#messages", "已发布");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.click("#menu\\:menu-flow-designs");
            assertEquals("已发布", browser.text("#designs .xt-status"));
        }
    }
}
