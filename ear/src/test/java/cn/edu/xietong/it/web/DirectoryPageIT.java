package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.1, A5: a member of staff finds colleagues and tells two people of the same name apart by their units. */
class DirectoryPageIT extends BrowserTest {

    @Test
    void searchingANameSharedByTwoShowsEachWithTheirUnitAndOpensTheRightOne() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("wuting", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-directory");
            browser.type("#people\\:q", "王伟");
            browser.click("#people\\:search");
            String rows = browser.awaitText("#people\\:results", "人事处");
            assertTrue(rows.contains("计算机科学与技术学院") && rows.contains("人事处"), rows);
            assertEquals(2, browser.driver().findElements(By.cssSelector("#people\\:results_data tr")).size());
            browser.screenshot("directory-zh");

            browser.driver().findElements(By.cssSelector("#people\\:results_data tr")).stream()
                    .filter(tr -> tr.getText().contains("人事处")).findFirst().orElseThrow()
                    .findElement(By.cssSelector("a.xt-person")).click();
            assertEquals("wangwei.hr", browser.text("#person-login"));
            assertEquals("人事处", browser.text("#person-unit"));
        }
    }

    @Test
    void colleaguesWhoAreLoggedInShowAsOnline() {
        try (Browser weiwen = Browser.open(base); Browser browser = Browser.open(base)) {
            weiwen.logIn("weiwen", DemoUniversity.DEFAULT_PASSWORD);
            assertEquals("工作台", weiwen.text("h1.xt-title"));

            browser.logIn("wuting", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/directory/people.xhtml?q=weiwen");
            assertTrue(browser.text("#people\\:results").contains("在线"), "魏文 is logged in");
            browser.go("/directory/people.xhtml?q=taoran");
            assertTrue(!browser.text("#people\\:results").contains("在线"), "陶然 never logged in");

            weiwen.click("#topbar\\:logout");
            weiwen.text("#logged-out");
            browser.go("/directory/person.xhtml?login=weiwen");
            assertTrue(browser.text("#person-presence").startsWith("最近在线") || browser.text("#person-presence").equals("离线"),
                    browser.text("#person-presence"));
        }
    }

    @Test
    void theUnitTreeShowsSubOfficesAndLeadsToTheirPeople() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("wuting", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/directory/units.xhtml");
            String tree = browser.text("#units");
            assertTrue(tree.contains("计算机学院综合办公室") && tree.contains("直属单位"), tree);
            browser.driver().findElement(By.linkText("计算机学院综合办公室")).click();
            assertTrue(browser.awaitText("#people\\:results", "秦磊").contains("秦磊"));
        }
    }
}
