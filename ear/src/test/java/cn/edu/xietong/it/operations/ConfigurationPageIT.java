package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O2.1: the system administrator's configuration page, on a phone, in Chinese and in English: version, build,
 * database, mail, scanner and keystore, the settings with their source; a bad value is refused with its reason and a
 * good one saved (and put back). Anyone else gets 403.
 */
class ConfigurationPageIT extends BrowserTest {

    private static final String PASSWORD = "Configuration-Page-2026";
    private static final String HOURS = "[id$='runtime:0:value']";

    @Test
    void theAdministratorSeesTheServerAndChangesASettingOnAPhoneInBothLanguages() {
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/admin/configuration.xhtml");
            String server = browser.text("#server");
            assertTrue(server.contains("版本") && server.contains("数据库") && server.contains("服务器密钥库")
                    && server.contains("病毒扫描") && server.contains("邮件网关"), server);
            assertTrue(browser.text("#version").matches("\\d+\\.\\d+.*"), browser.text("#version"));
            assertTrue(browser.fitsWidth(), "the configuration page scrolls sideways: " + browser.widths());
            assertEquals(List.of(), browser.unlabelledInputs());
            browser.screenshot("phone-admin-configuration");

            browser.type(HOURS, "0");
            browser.click("[id$='runtime:0:save']");
            browser.awaitText("#messages", "超出允许范围");
            browser.type(HOURS, "36");
            browser.click("[id$='runtime:0:save']");
            browser.awaitText("#messages", "设置已保存");
            browser.awaitText("#settings", "由 caoyu 于");
            browser.click("[id$='runtime:0:reset']");
            browser.awaitText("#messages", "设置已恢复");

            browser.click("#topbar\\:lang-en");
            browser.awaitText("h1.xt-title", "Configuration");
            String english = browser.text("#server");
            assertTrue(english.contains("Version") && english.contains("Database") && english.contains("keystore"),
                    english);
            assertTrue(browser.text("#settings").contains("Hours an approved controlled download stays usable"));
            assertTrue(browser.text("#startup").contains("Start-up settings"));
            assertTrue(browser.fitsWidth(), "the English page scrolls sideways: " + browser.widths());
            assertEquals(List.of(), browser.unlabelledInputs());
            browser.screenshot("phone-admin-configuration-en");
        }
    }

    @Test
    void anyoneButTheSystemAdministratorIsRefused() throws Exception {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(staff, PASSWORD);
            assertEquals(403, fetch(browser, "/admin/configuration.xhtml").statusCode());
            assertTrue(browser.driver().findElements(org.openqa.selenium.By.id("menu-configuration")).isEmpty());
        }
    }
}
