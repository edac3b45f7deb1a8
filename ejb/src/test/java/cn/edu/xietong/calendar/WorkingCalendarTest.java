package cn.edu.xietong.calendar;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B2: one working day counts weekends, the 2026 public holidays and the make-up work days (调休) correctly. */
class WorkingCalendarTest {

    /** Part of the State Council's 2026 notice: Spring Festival and National Day with their make-up days. */
    private final WorkingCalendar calendar = new WorkingCalendar(List.of(
            new SpecialDay(LocalDate.of(2026, 2, 14), DayKind.WORKDAY, "春节"),
            holiday(2026, 2, 15), holiday(2026, 2, 16), holiday(2026, 2, 17), holiday(2026, 2, 18),
            holiday(2026, 2, 19), holiday(2026, 2, 20), holiday(2026, 2, 21), holiday(2026, 2, 22),
            holiday(2026, 2, 23),
            new SpecialDay(LocalDate.of(2026, 2, 28), DayKind.WORKDAY, "春节"),
            new SpecialDay(LocalDate.of(2026, 9, 20), DayKind.WORKDAY, "国庆节"),
            holiday(2026, 10, 1), holiday(2026, 10, 2), holiday(2026, 10, 3), holiday(2026, 10, 4),
            holiday(2026, 10, 5), holiday(2026, 10, 6), holiday(2026, 10, 7),
            new SpecialDay(LocalDate.of(2026, 10, 10), DayKind.WORKDAY, "国庆节")));

    private static SpecialDay holiday(int year, int month, int day) {
        return new SpecialDay(LocalDate.of(year, month, day), DayKind.HOLIDAY, "节假日");
    }

    @Test
    void weekdaysWorkAndWeekendsRestUnlessTheNoticeSaysOtherwise() {
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 11, 27)), "an ordinary Friday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 11, 28)), "an ordinary Saturday");
        assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 2, 23)), "a Monday inside the Spring Festival");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 2, 14)), "a make-up Saturday");
        assertTrue(calendar.isWorkingDay(LocalDate.of(2026, 9, 20)), "a make-up Sunday");
    }

    @Test
    void oneWorkingDayAfterFridayIsMondayOrAMakeUpSaturday() {
        assertEquals(LocalDate.of(2026, 11, 30), calendar.addWorkingDays(LocalDate.of(2026, 11, 27), 1));
        assertEquals(LocalDate.of(2026, 2, 14), calendar.addWorkingDays(LocalDate.of(2026, 2, 13), 1));
        assertEquals(LocalDate.of(2026, 10, 10), calendar.addWorkingDays(LocalDate.of(2026, 10, 9), 1));
    }

    @Test
    void aHolidayBlockIsSkippedWhole() {
        assertEquals(LocalDate.of(2026, 2, 24), calendar.addWorkingDays(LocalDate.of(2026, 2, 14), 1));
        assertEquals(LocalDate.of(2026, 10, 8), calendar.addWorkingDays(LocalDate.of(2026, 9, 30), 1));
        assertEquals(LocalDate.of(2026, 10, 9), calendar.addWorkingDays(LocalDate.of(2026, 10, 3), 2),
                "from inside the holiday, the first working day counts as one");
    }

    @Test
    void previousWorkingDayAndCountsBetweenDays() {
        assertEquals(LocalDate.of(2026, 9, 30), calendar.previousWorkingDay(LocalDate.of(2026, 10, 8)));
        assertEquals(LocalDate.of(2026, 2, 14), calendar.previousWorkingDay(LocalDate.of(2026, 2, 24)));
        assertEquals(3, calendar.workingDaysBetween(LocalDate.of(2026, 9, 30), LocalDate.of(2026, 10, 10)));
        assertEquals(0, calendar.workingDaysBetween(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 10, 7)));
    }

    @Test
    void countingZeroDaysAndOverlongNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> calendar.addWorkingDays(LocalDate.of(2026, 1, 5), 0));
        assertThrows(IllegalArgumentException.class,
                () -> new SpecialDay(LocalDate.of(2026, 1, 1), DayKind.HOLIDAY, "节".repeat(51)));
    }
}
