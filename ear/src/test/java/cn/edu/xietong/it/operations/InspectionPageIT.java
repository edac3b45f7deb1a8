package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O1.7: the supervising office reads the newest confidentiality inspection on a phone, in both languages — findings
 * grouped by kind, each a link to its object, the trend of the runs — and reaches it from the menu; a member of staff
 * and the system administrator are refused with 403.
 */
class InspectionPageIT extends BrowserTest {

    @Test
    void theSupervisingOfficeReadsTheFindingsAndTheTrendOnAPhoneInBothLanguages() throws Exception {
        assertEquals("COMPLETED", FixtureServlet.call(base, "/inspection"));
        for (String language : List.of("zh", "en")) {
            boolean zh = language.equals("zh");
            try (Browser browser = Browser.openPhone(base)) {
                browser.logIn("zhouqiang", DemoUniversity.DEFAULT_PASSWORD);
                if (!zh) {
                    browser.switchToEnglish();
                }
                browser.go("/oversight/inspection.xhtml");
                assertTrue(browser.text("h1").contains(zh ? "保密检查" : "Confidentiality inspection"));
                assertTrue(browser.text("#run-summary").contains(zh ? "检查完成于" : "Run finished"));
                // The demo's administrators have no second factor in demo mode: that kind is always there.
                String group = "[data-kind='inspection.privilegedNoSecondFactor']";
                assertTrue(browser.text(group).contains(zh ? "特权账号未启用两步验证"
                        : "Privileged account without two-step verification"), browser.text(group));
                List<WebElement> links = browser.driver().findElements(By.cssSelector(group + " li a"));
                assertFalse(links.isEmpty());
                assertTrue(links.get(0).getAttribute("href").contains("/admin/account.xhtml?login="));
                String trend = browser.text("#trend");
                assertTrue(trend.contains(zh ? "问题数" : "Findings"), trend);
                assertFalse(browser.driver().findElements(By.cssSelector("#trend .xt-trend-fill")).isEmpty());
                assertTrue(browser.fitsWidth(), "the inspection page scrolls sideways: " + browser.widths());
                assertEquals(List.of(), browser.unlabelledInputs());
                browser.screenshot("phone-inspection-" + language);
            }
        }
    }

    @Test
    void theMenuLeadsThereAndOthersAreRefused() throws Exception {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("zhouqiang", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-inspection");
            assertTrue(browser.awaitPath("/oversight/inspection.xhtml"), browser.path());
            assertEquals(200, fetch(browser, "/oversight/inspection.xhtml").statusCode());
        }
        for (String login : List.of("wangwei.cs", "caoyu")) {
            try (Browser browser = Browser.open(base)) {
                browser.logIn(login, DemoUniversity.DEFAULT_PASSWORD);
                assertEquals(403, fetch(browser, "/oversight/inspection.xhtml").statusCode(), login);
            }
        }
    }
}
