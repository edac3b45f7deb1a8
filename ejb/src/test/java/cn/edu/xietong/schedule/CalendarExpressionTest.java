package cn.edu.xietong.schedule;

import cn.edu.xietong.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** C1: calendar expressions of schedules, read in the campus time zone. */
class CalendarExpressionTest {

    private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

    private static Instant at(int year, int month, int day, int hour, int minute) {
        return ZonedDateTime.of(year, month, day, hour, minute, 0, 0, CAMPUS).toInstant();
    }

    @Test
    void sundayAtTwoIsSundayAtTwoOnTheCampusNotInUtc() {
        CalendarExpression sunday = CalendarExpression.parse("0 2 * * SUN", CAMPUS);
        // Saturday 2026-12-05 18:00 UTC is already Sunday 02:00 on the campus.
        assertEquals(at(2026, 12, 6, 2, 0), sunday.nextAfter(at(2026, 12, 5, 12, 0)).orElseThrow().toInstant());
        assertEquals(Instant.parse("2026-12-05T18:00:00Z"), sunday.nextAfter(at(2026, 12, 5, 12, 0))
                .orElseThrow().toInstant());
    }

    @Test
    void theNextRunIsStrictlyAfterTheGivenTime() {
        CalendarExpression sunday = CalendarExpression.parse("0 2 * * SUN", CAMPUS);
        assertEquals(at(2026, 12, 13, 2, 0), sunday.nextAfter(at(2026, 12, 6, 2, 0)).orElseThrow().toInstant());
        List<ZonedDateTime> next = sunday.next(at(2026, 12, 1, 0, 0), 3);
        assertEquals(List.of(6, 13, 20), next.stream().map(ZonedDateTime::getDayOfMonth).toList());
    }

    @Test
    void blanksAndCaseDoNotMatterAndTheStoredTextIsTidy() {
        assertEquals("0 7 * * MON", CalendarExpression.parse("  0   7 * *\tmon ", CAMPUS).text());
    }

    @Test
    void onlyFiveValidFieldsAreTakenAndATimeThatNeverComesIsRefused() {
        for (String bad : new String[] {"0 25 * * *", "0 2 * *", "0 0 2 * * *", "x", "", "0 2 * * XYZ",
                "0 2 * * SUN " + "1".repeat(100)}) {
            DomainException refused = assertThrows(DomainException.class,
                    () -> CalendarExpression.parse(bad, CAMPUS), bad);
            assertEquals("schedule.expression.invalid", refused.messageKey(), bad);
        }
        assertThrows(DomainException.class, () -> CalendarExpression.parse(null, CAMPUS));
        assertEquals("schedule.expression.never",
                assertThrows(DomainException.class, () -> CalendarExpression.parse("0 0 30 2 *", CAMPUS))
                        .messageKey());
    }
}
