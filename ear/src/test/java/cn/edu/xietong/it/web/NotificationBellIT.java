package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A2, B2 as a handler meets them: the bell in the top bar counts the unread notifications, its page lists them
 * newest first with the unread marked, opening one leads to the flow instance and marks it read, so the count drops;
 * mark all read empties the count. The list fits a phone's width.
 */
class NotificationBellIT extends BrowserTest {

    private static final String PASSWORD = "Bell-Test-2026";

    @Test
    void theBellCountsAToDoThePageListsItAndOpeningItLeadsToTheInstanceAndTheCountDrops() throws Exception {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        String first = FixtureServlet.call(base, "/leave?login=" + staff + "&days=2");
        FixtureServlet.call(base, "/leave?login=" + staff + "&days=3");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            assertEquals("2", browser.text("#notification-bell .xt-bell-count"));

            browser.click("#notification-bell");
            assertTrue(browser.awaitPath("/notifications.xhtml"));
            assertEquals(2, browser.driver().findElements(By.cssSelector("li.xt-notification.xt-unread")).size());
            String row = browser.text("li.xt-notification[data-id] .xt-notification-text");
            assertTrue(row.contains("新的待办"), row);
            browser.screenshot("notifications-list");

            browser.click("li.xt-notification:last-child a.xt-notification-open");
            assertTrue(browser.awaitPath("/flow/instance.xhtml"));
            assertTrue(browser.driver().getCurrentUrl().endsWith("id=" + first), browser.driver().getCurrentUrl());
            assertEquals("1", browser.text("#notification-bell .xt-bell-count"), "the opened one is read");

            browser.go("/notifications.xhtml");
            assertEquals(1, browser.driver().findElements(By.cssSelector("li.xt-notification.xt-unread")).size());
            browser.click("#notifications\\:read-all");
            browser.awaitText("#messages", "1");
            assertTrue(browser.driver().findElements(By.cssSelector("#notification-bell .xt-bell-count")).isEmpty(),
                    "no count once all are read");
            assertEquals(0, browser.driver().findElements(By.cssSelector("li.xt-notification.xt-unread")).size());

            browser.driver().manage().window().setSize(new Dimension(390, 844));
            browser.go("/notifications.xhtml");
            browser.find("li.xt-notification");
            Object fits = ((JavascriptExecutor) browser.driver()).executeScript(
                    "var list = document.querySelector('.xt-notification-list');"
                            + " return list.scrollWidth <= list.clientWidth && list.clientWidth <= window.innerWidth;");
            browser.screenshot("notifications-phone");
            assertEquals(Boolean.TRUE, fits, "the list fits a phone's width (the page shell is the template's)");
        }
    }
}
