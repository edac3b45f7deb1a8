package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O2.7 as the system administrator and a unit's staff meet it: a module taken from a unit leaves its workbench. */
class ModuleRightsPageIT extends BrowserTest {

    private static final String PASSWORD = "Module-Page-2026";

    @Test
    void administratorTakesMailFromAUnitAndItsStaffNoLongerSeeIt() {
        String login = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + login);
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, PASSWORD);
            assertTrue(browser.find("#card-mail").isDisplayed());
        }
        try (Browser admin = Browser.open(base)) {
            admin.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            admin.click("#menu\\:menu-modules");
            assertEquals("单位模块权限", admin.text("h1.xt-title"));
            String row = "tr.xt-unit-" + unit;
            admin.find(row + " .xt-module-MAIL");
            assertTrue(admin.driver().findElement(By.cssSelector(row + " .xt-module-MAIL input")).isSelected());
            admin.click(row + " .xt-module-MAIL .ui-chkbox-box");
            admin.click(row + " .xt-save");
            admin.awaitText("#messages", "模块权限已保存");
            admin.go("/admin/modules.xhtml");
            admin.find(row + " .xt-module-MAIL");
            assertTrue(!admin.driver().findElement(By.cssSelector(row + " .xt-module-MAIL input")).isSelected());
            assertTrue(admin.driver().findElement(By.cssSelector(row + " .xt-module-FLOWS input")).isSelected());
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, PASSWORD);
            assertTrue(browser.find("#card-todos").isDisplayed());
            assertTrue(browser.driver().findElements(By.id("card-mail")).isEmpty(), "no mail without the module");
        }
    }
}
