package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O3.2, S2 as people meet them: a newcomer requests an account, the school's IT staff approve it, and the newcomer's
 * first login leads to choosing a new password.
 */
class AccountRequestPageIT extends BrowserTest {

    @Test
    void requestApprovalByTheUnitsItStaffThenFirstLoginWithForcedPasswordChange() {
        String login = "newcomer" + (System.nanoTime() % 100000);
        try (Browser browser = Browser.open(base)) {
            browser.go("/login.xhtml");
            browser.click("#register");
            browser.type("#request\\:login", login);
            browser.type("#request\\:fullName", "周新");
            new Select(browser.driver().findElement(By.id("request:unit_input")))
                    .selectByVisibleText("计算机科学与技术学院");
            browser.type("#request\\:email", login + "@demo.xietong.example");
            browser.click("#request\\:submit");
            String submitted = browser.awaitText("#messages", "申请已提交");
            assertTrue(submitted.matches("申请已提交，编号 \\d+。.*"), submitted);
        }
        String temporary;
        try (Browser browser = Browser.open(base)) {
            browser.logIn("yangfan", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-requests");
            assertEquals("账号申请审批", browser.text("h1.xt-title"));
            browser.driver().findElements(By.cssSelector("#requests\\:pending_data tr")).stream()
                    .filter(tr -> tr.getText().contains(login)).findFirst().orElseThrow()
                    .findElement(By.cssSelector("button.xt-approve")).click();
            temporary = browser.awaitText("#temporary-password", "").trim();
            assertEquals(14, temporary.length(), temporary);
            browser.screenshot("account-request-approved-zh");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(login, temporary);
            assertTrue(browser.awaitPath("/account/password.xhtml"), browser.path());
            browser.type("#password\\:current", temporary);
            browser.type("#password\\:next", "Zhou-Xin#2026");
            browser.type("#password\\:confirmation", "Zhou-Xin#2026");
            browser.click("#password\\:change");
            assertEquals("工作台", browser.text("h1.xt-title"));
            assertEquals("周新", browser.text("#current-user-name"));
            assertEquals("计算机科学与技术学院", browser.text("#current-user-unit"));
        }
    }

    /**
     * O3.2, S2: asking for a user name that exists gets the same answer as any request (the form tells nobody which
     * accounts exist); the unit's IT staff see that the name is taken and approve under another, which the requester
     * then sees when following the request.
     */
    @Test
    void aTakenUserNameIsNotRevealedAndTheItStaffApproveUnderAnotherName() {
        String number;
        try (Browser browser = Browser.open(base)) {
            browser.go("/register.xhtml");
            browser.type("#request\\:login", "liming");
            browser.type("#request\\:fullName", "李明");
            new Select(browser.driver().findElement(By.id("request:unit_input")))
                    .selectByVisibleText("计算机科学与技术学院");
            browser.type("#request\\:email", "li.ming2@demo.xietong.example");
            browser.click("#request\\:submit");
            String submitted = browser.awaitText("#messages", "申请已提交");
            Matcher matcher = Pattern.compile("编号 (\\d+)").matcher(submitted);
            assertTrue(matcher.find(), submitted);
            number = matcher.group(1);
        }
        String other = "liming" + (System.nanoTime() % 100000);
        try (Browser browser = Browser.open(base)) {
            browser.logIn("yangfan", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-requests");
            WebElement row = browser.driver().findElements(By.cssSelector("#requests\\:pending_data tr")).stream()
                    .filter(tr -> tr.getText().startsWith(number + " ")).findFirst().orElseThrow();
            assertTrue(row.getText().contains("已被使用"), row.getText());
            browser.type("#requests\\:other-login", other);
            row.findElement(By.cssSelector("button.xt-approve")).click();
            browser.awaitText("#temporary-password", "");
            assertTrue(browser.text("#messages").contains(other), browser.text("#messages"));
        }
        try (Browser browser = Browser.open(base)) {
            browser.go("/register.xhtml");
            browser.type("#follow\\:number", number);
            browser.type("#follow\\:numberLogin", "liming");
            browser.click("#follow\\:check");
            assertEquals("您的用户名：" + other, browser.awaitText("#follow\\:request-granted", other));
        }
    }
}
