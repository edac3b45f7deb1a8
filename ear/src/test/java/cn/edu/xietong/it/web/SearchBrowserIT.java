package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B4, O3.5: a member of staff types a Chinese word in the top bar's search box, sees their mail with the word marked,
 * and opens it; on a phone the box is in the folded menu, and the page fits, every input labelled, in both languages.
 */
class SearchBrowserIT extends BrowserTest {

    private static final String PASSWORD = "Search-Page-2026";

    @Test
    void aChineseWordTypedInTheHeaderBoxFindsTheMailMarkedAndOpensIt() throws Exception {
        StringBuilder tag = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            tag.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        String sender = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String reader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        String subject = "宿舍检查安排 " + tag;
        String mail = FixtureServlet.call(base, "/mail?from=" + sender + "&to=" + reader + "&subject="
                + URLEncoder.encode(subject, StandardCharsets.UTF_8));

        try (Browser browser = Browser.open(base)) {
            browser.logIn(reader, PASSWORD);
            long end = System.currentTimeMillis() + 30_000;
            while (true) { // the index follows the journal within seconds
                browser.type("#header-search-q", "宿舍 " + tag);
                browser.find("#header-search-q").sendKeys(Keys.ENTER);
                browser.awaitPath("/search/search.xhtml");
                if (!browser.driver().findElements(By.cssSelector(".xt-search-hit")).isEmpty()
                        || System.currentTimeMillis() > end) {
                    break;
                }
                Thread.sleep(1000);
            }
            assertEquals("宿舍", browser.text(".xt-search-hit-title mark"));
            assertTrue(browser.text("#search-count").contains("1"), browser.text("#search-count"));
            browser.screenshot("search-results");
            browser.click(".xt-search-hit-title");
            assertTrue(browser.awaitPath("/mail/read.xhtml"), browser.path());
            assertTrue(browser.driver().getCurrentUrl().endsWith("mail=" + mail), browser.driver().getCurrentUrl());
        }

        try (Browser phone = Browser.openPhone(base)) {
            phone.logIn(reader, PASSWORD);
            phone.click("#menu-toggle"); // on a phone the box is at the top of the folded menu
            phone.type("#menu-search-q", "宿舍 " + tag);
            phone.find("#menu-search-q").sendKeys(Keys.ENTER);
            assertTrue(phone.awaitPath("/search/search.xhtml"), phone.path());
            assertEquals("宿舍", phone.text(".xt-search-hit-title mark"));
            assertEquals(1, phone.driver().findElements(By.cssSelector(".xt-search-hit")).size());
            assertTrue(phone.fitsWidth(), phone.widths());
            assertEquals(List.of(), phone.unlabelledInputs());
            phone.screenshot("search-phone");
            phone.switchToEnglish();
            assertTrue(phone.text("#search-count").contains("found"), phone.text("#search-count"));
            assertTrue(phone.fitsWidth(), phone.widths());
        }
    }
}
