package cn.edu.xietong.it.web;

import cn.edu.xietong.directory.PinyinInitials;
import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.ThreadLocalRandom;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A5 in the browser: people are chosen in one picker, by typing part of a name, its pinyin initials or a login name
 * and choosing a candidate shown with their unit; a typed name that several people bear is never taken as one of them.
 */
class PersonPickerIT extends BrowserTest {

    private static final String PASSWORD = "Picker-Pages-2026";
    private static final String SYLLABLES = "柏松竹梅兰菊霖澜闻雯娴岚枫桦楠杉";

    /** A three-character name unlikely to be anybody else's. */
    private static String someName() {
        StringBuilder name = new StringBuilder("蔺");
        for (int i = 0; i < 2; i++) {
            name.append(SYLLABLES.charAt(ThreadLocalRandom.current().nextInt(SYLLABLES.length())));
        }
        return name.toString();
    }

    private String person(String role, String unit, String name) {
        return FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=" + role
                + (unit == null ? "" : "&unit=" + unit)
                + (name == null ? "" : "&name=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
    }

    @Test
    void aLeaderTransfersAToDoToAPersonChosenByPinyinInitials() {
        String staff = person("STAFF", null, null);
        String unit = FixtureServlet.call(base, "/unit-of?login=" + staff);
        String leader = person("UNIT_LEADER", unit, null);
        String name = someName();
        String target = person("STAFF", null, name);
        String targetUnit = FixtureServlet.call(base, "/unit-of?login=" + target);
        String id = FixtureServlet.call(base, "/leave?login=" + staff + "&days=2");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.go("/flow/instance.xhtml?id=" + id);
            browser.type("#instance\\:opinion", "请代为处理");
            browser.pick("#instance\\:transfer-to", PinyinInitials.of(name), targetUnit);
            browser.screenshot("person-picker-chosen-zh");
            browser.click("#instance\\:transfer");
            browser.awaitText("#messages", "已转办");
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(target, PASSWORD);
            browser.go("/flow/instance.xhtml?id=" + id);
            browser.find("#instance\\:approve");
        }
    }

    @Test
    void aTypedNameThatSeveralPeopleBearIsNeverTakenAsOneOfThem() {
        String staff = person("STAFF", null, null);
        String unit = FixtureServlet.call(base, "/unit-of?login=" + staff);
        String leader = person("UNIT_LEADER", unit, null);
        String name = someName();
        person("STAFF", null, name);
        person("STAFF", null, name);
        String id = FixtureServlet.call(base, "/leave?login=" + staff + "&days=2");
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.go("/flow/instance.xhtml?id=" + id);
            browser.type("#instance\\:transfer-to input.ui-autocomplete-input", name);
            browser.click("#instance\\:transfer");
            String said = browser.awaitText("#messages", "同名");
            browser.screenshot("person-picker-ambiguous-zh");
            assertFalse(said.contains("已转办"), said);
            assertTrue(FixtureServlet.call(base, "/trail?login=" + staff + "&instance=" + id).indexOf("TRANSFER") < 0,
                    "nothing was transferred");
        }
    }

    @Test
    void aLeaderSetsAProxyDeputyChosenByPinyinInitialsForAFlowChosenByName() {
        String leader = person("UNIT_LEADER", null, null);
        String name = someName();
        String deputy = person("STAFF", null, name);
        String deputyUnit = FixtureServlet.call(base, "/unit-of?login=" + deputy);
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.click("#menu\\:menu-flow-proxy");
            browser.pick("#proxy\\:deputy", PinyinInitials.of(name), deputyUnit);
            browser.setValue("#proxy\\:first_input", today.toString());
            browser.setValue("#proxy\\:last_input", today.plusDays(5).toString());
            browser.click("#proxy\\:flows input[value='leave']");
            browser.click("#proxy\\:set");
            browser.awaitText("#messages", "委托已设置");
            String mine = browser.text("#proxy\\:mine");
            assertTrue(mine.contains(name), mine);
            assertTrue(mine.contains("请假申请"), "the flow is shown by its name: " + mine);
        }
    }
}
