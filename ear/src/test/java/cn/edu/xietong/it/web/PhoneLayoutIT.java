package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The page shell on a phone (390×844), where staff approve: the pages of a flow fit the screen's width (nothing
 * scrolls sideways), the menu folds behind a button that says whether it is open, every input has a label, an
 * approval can be given with the thumb, and the workbench cards are links the keyboard reaches with a visible focus.
 * Screenshots of both sizes land in the screenshots folder as {@code phone-…} and {@code desktop-…}.
 */
class PhoneLayoutIT extends BrowserTest {

    private static final String PASSWORD = "Phone-Shell-2026";

    /** A member of staff and the leader of their unit, who gets their leave requests. */
    private String[] staffAndLeader() {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + staff);
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER&unit=" + unit);
        return new String[]{staff, leader};
    }

    /** The page fits the phone's width and labels every input; a screenshot of it is kept. */
    private static void check(Browser browser, String size, String page) {
        browser.find("h1");
        browser.screenshot(size + "-" + page);
        if (size.equals("phone")) {
            assertTrue(browser.fitsWidth(), page + " scrolls sideways: scrollWidth/innerWidth " + browser.widths());
        }
        assertEquals(List.of(), browser.unlabelledInputs(), page + ": inputs without a label");
    }

    @Test
    void theWorkbenchCatalogueStartFormListsAndInstancePageFitAPhoneAndLabelEveryInput() {
        String[] people = staffAndLeader();
        String id = FixtureServlet.call(base, "/leave?login=" + people[0] + "&days=2");
        for (String size : List.of("phone", "desktop")) {
            try (Browser browser = size.equals("phone") ? Browser.openPhone(base) : Browser.open(base)) {
                if (size.equals("phone")) {
                    assertEquals(390L, browser.script("return window.innerWidth;"), "the phone's viewport");
                }
                browser.go("/login.xhtml");
                check(browser, size, "login");
                browser.logIn(people[1], PASSWORD);
                browser.find("#todo-count");
                check(browser, size, "workbench");
                browser.go("/flow/catalogue.xhtml");
                check(browser, size, "catalogue");
                browser.click("a.xt-flow-card[href*='design=']");
                browser.find("[data-field='reason']");
                check(browser, size, "start");
                browser.go("/flow/lists.xhtml");
                browser.find("#lists\\:tasks a.xt-open");
                check(browser, size, "lists");
                browser.go("/flow/lists.xhtml?tab=mine");
                check(browser, size, "lists-mine");
                browser.go("/flow/instance.xhtml?id=" + id);
                browser.find("#instance\\:approve");
                check(browser, size, "instance");
            }
        }
    }

    @Test
    void theNoticeBoardFreshnessBoardPublishingRightsAndSearchFitAPhoneInBothLanguages() throws Exception {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=CS");
        String supervisor = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=SUPERVISOR");
        String it = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        for (String language : List.of("zh", "en")) {
            try (Browser browser = phoneIn(staff, language)) {
                browser.find("#card-notices");
                check(browser, "phone", "portal-" + language);
                browser.go("/notices/board.xhtml");
                browser.find("#notice-list li.xt-notice-row");
                check(browser, "phone", "notice-board-" + language);
                browser.click("#notice-list li.xt-notice-row a.xt-notice-title");
                browser.find("#body");
                check(browser, "phone", "notice-" + language);
                browser.go("/search/search.xhtml");
                check(browser, "phone", "search-" + language);
            }
            try (Browser browser = phoneIn(supervisor, language)) {
                browser.go("/oversight/freshness.xhtml");
                browser.find("#chart");
                check(browser, "phone", "freshness-" + language);
            }
            try (Browser browser = phoneIn(it, language)) {
                browser.go("/notices/rights.xhtml");
                browser.find("#grant-form");
                check(browser, "phone", "publishing-rights-" + language);
            }
        }
    }

    /** A phone logged in as this person, in this language (zh: the default). */
    private Browser phoneIn(String login, String language) {
        Browser browser = Browser.openPhone(base);
        browser.logIn(login, PASSWORD);
        if (language.equals("en")) {
            browser.switchToEnglish();
        }
        return browser;
    }

    @Test
    void aLeaderOpensTheFoldedMenuFindsTheToDoAndApprovesItAtPhoneSize() {
        String[] people = staffAndLeader();
        FixtureServlet.call(base, "/leave?login=" + people[0] + "&days=2");
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn(people[1], PASSWORD);
            WebElement toggle = browser.find("#menu-toggle");
            assertEquals("false", toggle.getAttribute("aria-expanded"));
            assertEquals("main-menu", toggle.getAttribute("aria-controls"));
            assertFalse(String.valueOf(toggle.getAttribute("aria-label")).isBlank(), "the button says what it does");
            assertFalse(browser.driver().findElement(By.id("main-menu")).isDisplayed(), "the menu is folded away");

            browser.click("#menu-toggle");
            assertEquals("true", browser.find("#menu-toggle").getAttribute("aria-expanded"));
            browser.screenshot("phone-menu-open");
            browser.click("#menu\\:menu-flow-lists");
            browser.click("#lists\\:tasks a.xt-open");
            browser.find("#instance\\:opinion");
            assertTrue(browser.fitsWidth(), "the instance page: " + browser.widths());
            browser.type("#instance\\:opinion", "同意");
            browser.click("#instance\\:approve");
            browser.awaitText("#messages", "已同意");
            assertTrue(browser.fitsWidth(), "after the approval: " + browser.widths());
            browser.screenshot("phone-approved");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(people[1], PASSWORD);
            assertTrue(browser.find("#main-menu").isDisplayed(), "a desktop shows the menu");
            assertFalse(browser.driver().findElement(By.id("menu-toggle")).isDisplayed(), "and no menu button");
        }
    }

    @Test
    void workbenchCardsAreLinksThatLookLikeCardsAndShowTheKeyboardFocus() {
        String[] people = staffAndLeader();
        try (Browser browser = Browser.open(base)) {
            browser.logIn(people[0], PASSWORD);
            WebElement card = browser.find("#card-todos");
            assertEquals("a", card.getTagName());
            assertNotEquals("none", card.getCssValue("box-shadow"), "a link that looks like a card");
            assertEquals("rgba(255, 255, 255, 1)", card.getCssValue("background-color"));
            boolean reached = false;
            for (int i = 0; i < 60 && !reached; i++) {
                browser.driver().switchTo().activeElement().sendKeys(Keys.TAB);
                reached = "card-todos".equals(browser.driver().switchTo().activeElement().getAttribute("id"));
            }
            assertTrue(reached, "the keyboard reaches the card");
            WebElement focused = browser.driver().switchTo().activeElement();
            assertNotEquals("none", focused.getCssValue("outline-style"), "the focus is visible");
            assertNotEquals("0px", focused.getCssValue("outline-width"), "the focus is visible");
            browser.screenshot("desktop-workbench-card-focus");
        }
    }
}
