package cn.edu.xietong.operations;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SelfCheckReportTest {

    @Test
    void countsAddUpAndARecountedTableKeepsItsNewestCount() {
        SelfCheckReport report = new SelfCheckReport(7, "yanhua", Instant.now());
        report.record(List.of(new TableCount("person", 31), new TableCount("org_unit", 10)));
        report.record(List.of(new TableCount("person", 32)));
        assertEquals(2, report.getEntries().size());
        assertEquals(42, report.totalRows());
    }

    @Test
    void aFinishedReportTakesNoMoreCounts() {
        SelfCheckReport report = new SelfCheckReport(7, "yanhua", Instant.now());
        report.finish(Instant.now());
        assertThrows(IllegalStateException.class, () -> report.record(List.of(new TableCount("person", 1))));
        assertThrows(IllegalStateException.class, () -> report.finish(Instant.now()));
    }

    @Test
    void countsAreNeverNegative() {
        assertThrows(IllegalArgumentException.class, () -> new TableCount("person", -1));
        assertThrows(IllegalArgumentException.class, () -> new TableCount(" ", 1));
    }
}
