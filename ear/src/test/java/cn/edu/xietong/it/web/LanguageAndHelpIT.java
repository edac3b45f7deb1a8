package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The language a page declares, and the in-app help (O2.4): {@code <html lang>} follows the language switch on the
 * login, registration and every logged-in page; every page's help link in the top bar leads to its own section of the
 * user guide, which the application serves, at phone size too.
 */
class LanguageAndHelpIT extends BrowserTest {

    private static final String PASSWORD = "Help-Lang-2026x";

    private static String lang(Browser browser) {
        return String.valueOf(browser.script("return document.documentElement.lang;"));
    }

    @Test
    void theHtmlLangOfEveryPageFollowsTheLanguageSwitch() {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.open(base)) {
            browser.go("/login.xhtml");
            assertEquals("zh-CN", lang(browser), "Chinese by default");
            browser.click("#lang\\:lang-en");
            browser.awaitText("#login\\:submit", "Log in");
            assertEquals("en", lang(browser));
            browser.go("/register.xhtml");
            assertEquals("en", lang(browser));
            browser.logIn(staff, PASSWORD);
            browser.awaitText("h1.xt-title", "Workbench");
            assertEquals("en", lang(browser));
            browser.go("/flow/lists.xhtml");
            assertEquals("en", lang(browser));
            browser.click("#topbar\\:lang-zh");
            browser.awaitText("h1.xt-title", "我的流程");
            assertEquals("zh-CN", lang(browser));
        }
    }

    @Test
    void everyPagesHelpLinkLeadsToItsSectionOfTheUserGuideAtPhoneSize() {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + staff);
        FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER&unit=" + unit);
        String instance = FixtureServlet.call(base, "/leave?login=" + staff + "&days=1");
        Map<String, String> sections = new LinkedHashMap<>();
        sections.put("/index.xhtml", "page-index");
        sections.put("/flow/catalogue.xhtml", "page-flow-catalogue");
        sections.put("/flow/lists.xhtml?tab=mine", "page-flow-lists");
        sections.put("/flow/instance.xhtml?id=" + instance, "page-flow-instance");
        sections.put("/flow/proxy.xhtml", "page-flow-proxy");
        sections.put("/directory/people.xhtml", "page-directory-people");
        sections.put("/directory/units.xhtml", "page-directory-units");
        sections.put("/account/password.xhtml", "page-account-password");
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn(staff, PASSWORD);
            sections.forEach((page, section) -> {
                browser.go(page);
                browser.click("#help-link");
                assertTrue(browser.awaitPath("/help.xhtml"), page + " → " + browser.path());
                assertEquals(section, URI.create(browser.driver().getCurrentUrl()).getFragment(), page);
                WebElement target = browser.find("[id='" + section + "']");
                assertTrue(target.isDisplayed(), section);
                Number top = (Number) browser.script("return arguments[0].getBoundingClientRect().top;", target);
                assertTrue(top.doubleValue() > -2 && top.doubleValue() < 844, section + " is scrolled into view: " + top);
                assertTrue(browser.fitsWidth(), "the help page at phone size: " + browser.widths());
            });
            assertTrue(browser.find("#help-language-note").isDisplayed(), "a Chinese reader is told the guide is English");
            browser.screenshot("phone-help");

            browser.click("#topbar\\:lang-en");
            browser.awaitText("h1.xt-title", "Help");
            assertEquals("en", lang(browser));
            assertTrue(browser.driver().findElements(By.id("help-language-note")).isEmpty());
            assertTrue(browser.text(".xt-help").contains("what each page does"), "the guide itself");
        }
    }
}
