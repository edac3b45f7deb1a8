package cn.edu.xietong.it.calendar;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.calendar.DayKind;
import cn.edu.xietong.calendar.SpecialDay;
import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.calendar.WorkingCalendar;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B2: the working-day calendar as data: seeded with the 2026 notice, kept by the system administrator. */
@ExtendWith(ArquillianExtension.class)
class CalendarIT {

    @EJB
    private SpecialDays calendar;

    @EJB
    private AuditLog audit;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private AsStaff staff;

    @EJB
    private AsAuditAdmin auditor;

    @Test
    void theTwentyTwentySixNoticeIsThereFromTheStart() {
        WorkingCalendar days = calendar.calendar();
        assertFalse(days.isWorkingDay(LocalDate.of(2026, 10, 1)), "National Day");
        assertTrue(days.isWorkingDay(LocalDate.of(2026, 10, 10)), "a make-up Saturday");
        assertEquals(LocalDate.of(2026, 10, 8), days.addWorkingDays(LocalDate.of(2026, 9, 30), 1));
        assertEquals(LocalDate.of(2026, 2, 24), days.addWorkingDays(LocalDate.of(2026, 2, 14), 1));
    }

    @Test
    void theAdministratorSetsAndClearsADayAndEachChangeIsAudited() throws Exception {
        LocalDate day = LocalDate.of(2031, 3, 3); // a Monday, far from any other test's days
        try {
            admin.call(() -> {
                calendar.set(day, DayKind.HOLIDAY, "测试假日");
                return null;
            });
            assertFalse(calendar.calendar().isWorkingDay(day));
            assertEquals(List.of("测试假日"), admin.call(() -> calendar.year(2031)).stream()
                    .map(SpecialDay::getName).toList());
            assertTrue(auditor.call(() -> audit.search(new AuditQuery(null, null, null, AuditEvent.CALENDAR_CHANGE,
                    null), 1)).get(0).getDetail().startsWith("2031-03-03: ordinary -> HOLIDAY"));
        } finally {
            admin.call(() -> {
                calendar.clear(day);
                return null;
            });
        }
        assertTrue(calendar.calendar().isWorkingDay(day));
    }

    @Test
    void aNoticeLoadsWholeOrNotAtAllWithEveryBadLineNamed() throws Exception {
        String bad = "date,kind,festival\n2032-01-01,holiday,元旦\n2032-13-01,holiday,坏日期\n2032-01-04,rest,坏类型\n"
                + "2032-01-01,workday,重复\n";
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> admin.call(() -> calendar.importCsv(bad)));
        assertEquals(List.of("calendar.import.badLines"), refused.problems());
        assertArrayEquals(new Object[]{"3, 4, 5"}, refused.arguments());
        assertTrue(admin.call(() -> calendar.year(2032)).isEmpty(), "nothing stored");

        String good = "\uFEFFdate,kind,festival\r\n2032-01-01,holiday,元旦\r\n2032-01-03,workday,元旦\r\n";
        try {
            assertEquals(2, admin.call(() -> calendar.importCsv(good)));
            assertFalse(calendar.calendar().isWorkingDay(LocalDate.of(2032, 1, 1)));
            assertTrue(calendar.calendar().isWorkingDay(LocalDate.of(2032, 1, 3)), "a Saturday worked");
        } finally {
            admin.call(() -> {
                calendar.clear(LocalDate.of(2032, 1, 1));
                calendar.clear(LocalDate.of(2032, 1, 3));
                return null;
            });
        }
    }

    @Test
    void staffCannotChangeTheCalendarAndBadInputChangesNothing() throws Exception {
        LocalDate day = LocalDate.of(2033, 5, 2);
        assertThrows(EJBAccessException.class, () -> staff.call(() -> {
            calendar.set(day, DayKind.HOLIDAY, "x");
            return null;
        }));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> calendar.importCsv("date\n2033-05-02,holiday,x")));
        InvalidInputException missing = assertThrows(InvalidInputException.class, () -> admin.call(() -> {
            calendar.set(null, null, "节".repeat(51));
            return null;
        }));
        assertEquals(List.of("calendar.dateRequired", "calendar.kindRequired", "calendar.nameTooLong"),
                missing.problems());
        assertTrue(calendar.calendar().isWorkingDay(day));
    }
}
