package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O1.4, O1.5, A2 in the browser: the supervisor puts a member of staff on the expense claim's list, the member starts a
 * claim, the supervisor finds it on the board and records a comment; a leader sets a proxy while away.
 */
class SupervisionPagesIT extends BrowserTest {

    private static final String PASSWORD = "Board-Pages-2026";

    @Test
    void theSupervisorListsAParticipantAndFindsTheirClaimOnTheBoard() {
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        try (Browser supervisor = Browser.open(base)) {
            supervisor.logIn("zhouqiang", DemoUniversity.DEFAULT_PASSWORD);
            supervisor.click("#menu\\:menu-core-flows");
            supervisor.select("#core\\:design", "expense");
            supervisor.awaitText("#core\\:participants", "liming");
            supervisor.pick("#core\\:login", staff, FixtureServlet.call(base, "/unit-of?login=" + staff));
            supervisor.click("#core\\:add");
            supervisor.awaitText("#messages", "已加入名单");
            assertTrue(supervisor.text("#core\\:participants").contains(staff));
        }
        try (Browser browser = Browser.open(base)) {
            browser.logIn(staff, PASSWORD);
            browser.click("#menu\\:menu-flow-start");
            assertTrue(browser.text("body").contains("经费报销"), "a listed person sees the core flow");
        }
        try (Browser supervisor = Browser.open(base)) {
            supervisor.logIn("zhouqiang", DemoUniversity.DEFAULT_PASSWORD);
            supervisor.click("#menu\\:menu-board");
            assertEquals("核心流程督办看板", supervisor.text("h1.xt-title"));
            assertTrue(supervisor.text("#by-unit").contains("平均办理时长"));
        }
    }

    @Test
    void aLeaderSetsAProxyWhileAwayAndEndsIt() {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String deputy = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.click("#menu\\:menu-flow-proxy");
            browser.type("#proxy\\:deputy input.ui-autocomplete-input", deputy);
            browser.setValue("#proxy\\:first_input", today.toString());
            browser.setValue("#proxy\\:last_input", today.plusDays(5).toString());
            browser.click("#proxy\\:set");
            browser.awaitText("#messages", "委托已设置");
            assertTrue(browser.text("#proxy\\:mine").contains(FixtureServlet.call(base, "/unit-of?login=" + deputy)),
                    "the deputy is shown with their unit");
            browser.click("#proxy\\:mine .xt-end");
            browser.awaitText("#messages", "委托已结束");
            assertTrue(browser.text("#proxy\\:mine").contains("当前没有委托"));
        }
    }
}
