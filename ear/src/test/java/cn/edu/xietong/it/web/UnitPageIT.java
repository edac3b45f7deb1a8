package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.1 as a unit's IT staff meet it: a post added, a colleague of another unit appointed to it as 兼职. */
class UnitPageIT extends BrowserTest {

    private static final String PASSWORD = "Unit-Page-2026";

    @Test
    void unitItAddsAPostAndAppointsSomeoneFromAnotherUnitAsConcurrent() {
        String it = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + it);
        String elsewhere = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.go("/directory/units.xhtml");
            browser.click("a.xt-unit-link-" + unit);
            assertEquals(unit, browser.text("#unit-code"));

            browser.type("#posts\\:post-name", "兼职教授");
            browser.click("#posts\\:add-post");
            browser.awaitText("#messages", "职务已添加");
            new Select(browser.driver().findElement(By.id("posts:post_input"))).selectByVisibleText("兼职教授");
            browser.type("#posts\\:appointee", elsewhere);
            browser.click("#posts\\:appoint");
            browser.awaitText("#messages", "已任职");
            String row = browser.text("tr.xt-holder-" + elsewhere);
            assertTrue(row.contains("兼职教授") && row.contains("兼职"), row);
            assertTrue(browser.text("#edit\\:history").contains("任职"));

            browser.go("/directory/person.xhtml?login=" + elsewhere);
            assertTrue(browser.text("#person-posts").contains("兼职教授 · 兼职"), browser.text("#person-posts"));
        }
    }

    @Test
    void anotherUnitsPageHasNoMaintenanceForms() {
        String it = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        String other = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String otherUnit = FixtureServlet.call(base, "/unit-of?login=" + other);
        try (Browser browser = Browser.open(base)) {
            browser.logIn(it, PASSWORD);
            browser.go("/directory/units.xhtml");
            browser.click("a.xt-unit-link-" + otherUnit);
            assertEquals(otherUnit, browser.text("#unit-code"));
            assertTrue(browser.driver().findElements(By.id("edit")).isEmpty());
            assertTrue(browser.driver().findElements(By.id("posts:appoint")).isEmpty());
        }
    }
}
