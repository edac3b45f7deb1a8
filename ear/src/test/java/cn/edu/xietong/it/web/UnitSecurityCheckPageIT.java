package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.4: the CS school's IT staff member opens the unit security check and sees the school's risks. */
class UnitSecurityCheckPageIT extends BrowserTest {

    @Test
    void unitItSeesTheirSchoolsMembersWithTheirRisks() {
        try (Browser browser = Browser.open(base)) {
            browser.logIn("yangfan", DemoUniversity.DEFAULT_PASSWORD);
            browser.click("#menu\\:menu-unit-check");
            assertEquals("单位安全检查", browser.text("h1.xt-title"));
            String risks = browser.text("#check\\:risks");
            assertTrue(risks.contains("秦磊") && risks.contains("计算机学院综合办公室") && risks.contains("从未登录"), risks);
            assertTrue(risks.contains("韩梅") && risks.contains("特权角色未启用两步验证"), risks);
            assertTrue(!risks.contains("人事处"), "only the own unit's members");
            browser.screenshot("unit-security-check-zh");
        }
    }
}
