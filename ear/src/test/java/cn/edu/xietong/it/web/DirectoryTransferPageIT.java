package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.1 as the system administrator meets it: a staff file with a bad row is refused row by row, the fixed one imported. */
class DirectoryTransferPageIT extends BrowserTest {

    private static Path file(String content) throws IOException {
        Path path = Files.createTempFile("xietong-staff", ".csv");
        Files.writeString(path, content, StandardCharsets.UTF_8);
        return path;
    }

    @Test
    void aBadRowBlocksTheImportUntilTheFileIsFixed() throws IOException {
        String login = "newstaff" + UUID.randomUUID().toString().substring(0, 6);
        Path bad = file("login,name,unit_code,email\n" + login + ",新同事,CS,\nliming,重名,CS,\n");
        Path good = file("login,name,unit_code,email\n" + login + ",新同事,CS," + login + "@example.edu.cn\n");
        try (Browser browser = Browser.open(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-transfer");
            assertEquals("名录导入导出", browser.text("h1.xt-title"));

            browser.driver().findElement(By.cssSelector("#import input[type=file]")).sendKeys(bad.toString());
            browser.click("#import\\:preview");
            assertTrue(browser.awaitText("#summary", "其中 1 行有问题").contains("其中 1 行有问题"));
            assertTrue(browser.text("tr.xt-line-3").contains("用户名已被使用"));
            assertFalse(browser.find("#result\\:import-now").isEnabled(), "no import while a row is wrong");
            browser.screenshot("directory-import-preview-zh");

            browser.driver().findElement(By.cssSelector("#import input[type=file]")).sendKeys(good.toString());
            browser.click("#import\\:preview");
            assertTrue(browser.awaitText("#summary", "其中 0 行有问题").contains("其中 0 行有问题"));
            browser.click("#result\\:import-now");
            browser.awaitText("#messages", "已导入 1 人");
            assertTrue(browser.find("#passwords-hint").isDisplayed());

            browser.go("/directory/person.xhtml?login=" + login);
            assertTrue(browser.awaitPath("/directory/person.xhtml"), "the person page, not " + browser.path());
            assertEquals(login, browser.text("#person-login"), "the imported person's page");
            assertTrue(browser.driver().getPageSource().contains("新同事"));
        } finally {
            Files.deleteIfExists(bad);
            Files.deleteIfExists(good);
        }
    }
}
