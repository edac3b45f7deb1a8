package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The pages around the mailbox (A4): one's personal group, made with the person picker, is a recipient on the compose
 * page and reaches each member; the system administrator gives a person a quota of their own on the mailbox policy
 * page (which fits a phone) and takes it back.
 */
class MailSettingsPageIT extends BrowserTest {

    private static final String PASSWORD = "Mail-Settings-2026";

    private String person(String name) {
        return FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&name="
                + URLEncoder.encode(name, StandardCharsets.UTF_8));
    }

    private String unitName(String login) {
        return "测试单位" + FixtureServlet.call(base, "/unit-of?login=" + login);
    }

    @Test
    void aPersonalGroupMadeWithThePickerIsARecipientThatReachesEachMember() {
        String owner = person("组长");
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String first = person("组员甲" + tag);
        String second = person("组员乙" + tag);
        try (Browser browser = Browser.open(base)) {
            browser.logIn(owner, PASSWORD);
            browser.go("/mail/groups.xhtml");
            browser.type("#groups\\:name", "课题组");
            browser.pick("[data-field='members']", "组员甲" + tag, unitName(first));
            browser.pick("[data-field='members']", "组员乙" + tag, unitName(second));
            browser.click("#groups\\:save");
            browser.awaitText("#messages", "群组已创建");
            String listed = browser.text("li.xt-group");
            assertTrue(listed.contains("课题组") && listed.contains("组员甲" + tag) && listed.contains("组员乙" + tag),
                    listed);
            String group = browser.find("li.xt-group").getAttribute("data-group");

            browser.go("/mail/compose.xhtml");
            browser.click("#more-recipients summary");
            browser.select("#compose\\:group", group);
            browser.click("#compose\\:add-group");
            browser.awaitText("#extra-list", "课题组");
            browser.type("#compose\\:subject", "组会");
            browser.click("#compose\\:send");
            assertTrue(browser.awaitPath("/mail/mailbox.xhtml"), browser.path());
            browser.awaitText("#messages", "邮件已发送给 2 人");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(second, PASSWORD);
            browser.go("/mail/mailbox.xhtml");
            assertTrue(browser.text("li.xt-mail-row").contains("组会"));
        }
    }

    @Test
    void theAdministratorGivesAPersonAQuotaOfTheirOwnAndTakesItBack() {
        String tag = UUID.randomUUID().toString().substring(0, 4).toUpperCase();
        String person = person("大邮箱" + tag);
        try (Browser browser = Browser.openPhone(base)) {
            browser.logIn("caoyu", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/admin/mailbox.xhtml");
            browser.find("#policy\\:quota_input");
            assertTrue(browser.fitsWidth(), "the policy page scrolls sideways: " + browser.widths());
            assertEquals(List.of(), browser.unlabelledInputs());
            browser.pick("[data-field='person']", "大邮箱" + tag, unitName(person));
            browser.type("#quotas\\:mb_input", "4096");
            browser.click("#quotas\\:set");
            browser.awaitText("#messages", "个人容量已设置");
            String row = browser.awaitText("#quotas\\:exceptions", "大邮箱" + tag);
            assertTrue(row.contains("4096"), row);
            browser.screenshot("phone-admin-mailbox");
            browser.script("Array.from(document.getElementById('quotas:exceptions').querySelectorAll('tr'))"
                    + ".find(r => r.textContent.includes(arguments[0])).querySelector('button').click();",
                    "大邮箱" + tag);
            browser.awaitText("#messages", "已恢复为默认容量");
            browser.awaitAjax();
            assertTrue(!browser.text("#quotas\\:exceptions").contains("大邮箱" + tag), "back to the default");
        }
    }
}
