package cn.edu.xietong.it.web;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B3, ecosystem: the trail on the instance page is read whole at desktop width. No column's heading or cell is cut
 * off or spills into its neighbour, no heading is squeezed onto several lines, time, actor, step and action are never
 * narrower than a short word, the table needs no sideways scroll, and a long opinion wraps onto several lines.
 */
class TrailColumnsIT extends BrowserTest {

    private static final String PASSWORD = "Trail-Columns-2026";

    /** Cells and headings of the trail whose content is wider than the cell shows. */
    private static final String CLIPPED = """
            return Array.from(document.querySelectorAll("[id='instance:trail'] th, [id='instance:trail'] td"))
                .filter(c => c.scrollWidth > c.clientWidth + 1)
                .map(c => c.textContent.trim().substring(0, 40) + ' (' + c.scrollWidth + ' > ' + c.clientWidth + ')');""";

    @Test
    void theTrailShowsEveryColumnWholeAndWrapsALongOpinionAtDesktopWidth() {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        String instance = FixtureServlet.call(base, "/leave?login=" + staff + "&days=5");
        String opinion = "Agreed, provided that the handover of the teaching duties to the colleague named in the request "
                + "is confirmed in writing with the dean's office before the first day of leave, and that the "
                + "laboratory keys are returned to the department secretary. 同意，请按规定做好工作交接。";
        try (Browser browser = Browser.open(base)) {
            browser.logIn(leader, PASSWORD);
            browser.go("/flow/instance.xhtml?id=" + instance);
            browser.type("#instance\\:opinion", opinion);
            browser.click("#instance\\:approve");
            browser.awaitText("[id='instance:trail']", "Agreed, provided");
            browser.screenshot("trail-columns-desktop");

            @SuppressWarnings("unchecked")
            List<Object> clipped = (List<Object>) browser.script(CLIPPED);
            assertEquals(List.of(), clipped, "trail cells cut off or spilling over");
            Object wrapper = browser.script("""
                    const w = document.querySelector("[id='instance:trail'] .ui-datatable-tablewrapper");
                    return w.scrollWidth <= w.clientWidth;""");
            assertEquals(Boolean.TRUE, wrapper, "the trail needs no sideways scroll at desktop width");
            Number lines = (Number) browser.script("""
                    const cell = Array.from(document.querySelectorAll("[id='instance:trail'] td"))
                        .find(c => c.textContent.includes('Agreed, provided'));
                    const range = document.createRange();
                    range.selectNodeContents(cell);
                    return new Set(Array.from(range.getClientRects()).map(r => Math.round(r.top))).size;""");
            assertTrue(lines.intValue() >= 2, "the long opinion wraps: " + lines + " line(s)");
            @SuppressWarnings("unchecked")
            List<Object> squeezed = (List<Object>) browser.script("""
                    return Array.from(document.querySelectorAll("[id='instance:trail'] th"))
                        .filter(th => th.getBoundingClientRect().height > 2 * parseFloat(getComputedStyle(th).fontSize) + 40)
                        .map(th => th.textContent.trim());""");
            assertEquals(List.of(), squeezed, "headings of columns squeezed onto several lines");
            @SuppressWarnings("unchecked")
            List<Object> narrow = (List<Object>) browser.script("""
                    return Array.from(document.querySelectorAll("[id='instance:trail'] td"))
                        .filter(td => td.cellIndex > 0 && td.cellIndex < 5 && td.textContent.trim()
                            && td.clientWidth - parseFloat(getComputedStyle(td).paddingLeft)
                                - parseFloat(getComputedStyle(td).paddingRight) < 3 * parseFloat(getComputedStyle(td).fontSize))
                        .map(td => td.textContent.trim());""");
            assertEquals(List.of(), narrow, "time, actor, step and action columns narrower than a short word");
        }
    }
}
