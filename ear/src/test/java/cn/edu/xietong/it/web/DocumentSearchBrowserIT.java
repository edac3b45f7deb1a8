package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O3.5, S4: a member of a unit types a Chinese phrase that stands only inside a PDF of the unit's library into the
 * search box and finds the document, the phrase marked, and opens it; a member of another unit, who may not read the
 * document, finds nothing and is told so.
 */
class DocumentSearchBrowserIT extends BrowserTest {

    private static final String PASSWORD = "Doc-Search-2026";

    /** Searches from the top bar's box until a hit shows or half a minute passed (the index follows within seconds). */
    private static void search(Browser browser, String words, boolean expectHit) throws InterruptedException {
        long end = System.currentTimeMillis() + 30_000;
        while (true) {
            browser.type("#header-search-q", words);
            browser.find("#header-search-q").sendKeys(Keys.ENTER);
            browser.awaitPath("/search/search.xhtml");
            boolean hit = !browser.driver().findElements(By.cssSelector(".xt-search-hit")).isEmpty();
            if (hit == expectHit || System.currentTimeMillis() > end) {
                return;
            }
            Thread.sleep(1000);
        }
    }

    @Test
    void aChinesePhraseInsideALibraryPdfIsFoundByItsUnitAndNotByAnotherUnit() throws Exception {
        String number = String.valueOf(Math.abs(UUID.randomUUID().getMostSignificantBits() % 100_000));
        String text = "关于实验室危险化学品管理的规定第" + number + "条";
        String[] made = FixtureServlet.call(base, "/library-pdf?password=" + PASSWORD + "&text="
                + URLEncoder.encode(text, StandardCharsets.UTF_8)).split(" ");
        String member = made[0];
        String document = made[1];
        String outsider = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");

        try (Browser browser = Browser.open(base)) {
            browser.logIn(member, PASSWORD);
            search(browser, "危险化学品 " + number, true);
            assertEquals(1, browser.driver().findElements(By.cssSelector(".xt-search-hit")).size());
            assertTrue(browser.text(".xt-search-hit").contains("危险化学品"), browser.text(".xt-search-hit"));
            assertTrue(!browser.driver().findElements(By.cssSelector(".xt-search-hit mark")).isEmpty(),
                    "the phrase is marked");
            browser.screenshot("search-document");
            browser.click(".xt-search-hit-title");
            assertTrue(browser.awaitPath("/documents/document.xhtml"), browser.path());
            assertTrue(browser.driver().getCurrentUrl().endsWith("id=" + document), browser.driver().getCurrentUrl());
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(outsider, PASSWORD);
            search(browser, "危险化学品 " + number, false);
            assertTrue(browser.driver().findElements(By.cssSelector(".xt-search-hit")).isEmpty(),
                    "another unit finds nothing");
            assertTrue(browser.text("#search-count").startsWith("共找到 0 条"), "nothing counted either: "
                    + browser.text("#search-count"));
        }
    }
}
