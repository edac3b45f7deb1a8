package cn.edu.xietong.presence;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.LocalTime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B1: morning and afternoon presence and leaders' coverage of working hours, from the half-hours seen. */
class WorkingHoursTest {

    private final WorkingHours hours = new WorkingHours(LocalTime.of(8, 0), LocalTime.of(12, 0), LocalTime.of(14, 0),
            LocalTime.of(17, 30));

    private static long seenAt(int... minutesOfDay) {
        PresenceDay day = new PresenceDay(1L, LocalDate.of(2026, 11, 26));
        for (int m : minutesOfDay) {
            day.activeAt(m);
        }
        return day.getSlots();
    }

    @Test
    void aLoginAtNineAndAnotherAtThreeArePresentInBothHalves() {
        long slots = seenAt(9 * 60 + 5, 15 * 60 + 40);
        assertTrue(hours.morning(slots));
        assertTrue(hours.afternoon(slots));
    }

    @Test
    void lunchtimeAndEveningActivityCountForNeitherHalf() {
        long slots = seenAt(12 * 60 + 30, 13 * 60 + 45, 18 * 60);
        assertFalse(hours.morning(slots));
        assertFalse(hours.afternoon(slots));
        assertEquals(0, hours.coveragePercent(slots));
    }

    @Test
    void coverageIsTheShareOfWorkingHalfHoursSeen() {
        assertEquals(15, Long.bitCount(hours.morningSlots() | hours.afternoonSlots()), "8 + 7 half-hours");
        int[] allDay = new int[15];
        int i = 0;
        for (int m = 8 * 60; m < 12 * 60; m += 30) {
            allDay[i++] = m;
        }
        for (int m = 14 * 60; m < 17 * 60 + 30; m += 30) {
            allDay[i++] = m;
        }
        assertEquals(100, hours.coveragePercent(seenAt(allDay)));
        assertEquals(53, hours.coveragePercent(seenAt(8 * 60, 8 * 60 + 30, 9 * 60, 9 * 60 + 30, 10 * 60,
                10 * 60 + 30, 11 * 60, 11 * 60 + 30)), "the whole morning is 8 of 15");
    }

    @Test
    void hoursOutOfOrderAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new WorkingHours(LocalTime.of(12, 0), LocalTime.of(8, 0),
                LocalTime.of(14, 0), LocalTime.of(17, 30)));
        assertThrows(IllegalArgumentException.class, () -> new WorkingHours(LocalTime.of(8, 0), LocalTime.of(15, 0),
                LocalTime.of(14, 0), LocalTime.of(17, 30)));
    }

    @Test
    void workingTimeCountsOnlyWorkingPeriodsOfWorkingDays() {
        java.time.ZoneId zone = java.time.ZoneId.of("Asia/Shanghai");
        cn.edu.xietong.calendar.WorkingCalendar calendar = new cn.edu.xietong.calendar.WorkingCalendar(java.util.List.of(
                new cn.edu.xietong.calendar.SpecialDay(java.time.LocalDate.of(2026, 10, 1),
                        cn.edu.xietong.calendar.DayKind.HOLIDAY, "国庆节")));
        // Wednesday 30 September 16:00 to Friday 2 October 09:00 (1 October a holiday): 16:00-17:30 only.
        assertEquals(java.time.Duration.ofMinutes(90), hours.workingTime(
                java.time.ZonedDateTime.of(2026, 9, 30, 16, 0, 0, 0, zone).toInstant(),
                java.time.ZonedDateTime.of(2026, 10, 2, 7, 0, 0, 0, zone).toInstant(), calendar, zone));
        // Friday 2 October 11:00 to 15:00: 11-12 and 14-15.
        assertEquals(java.time.Duration.ofHours(2), hours.workingTime(
                java.time.ZonedDateTime.of(2026, 10, 2, 11, 0, 0, 0, zone).toInstant(),
                java.time.ZonedDateTime.of(2026, 10, 2, 15, 0, 0, 0, zone).toInstant(), calendar, zone));
        assertEquals(java.time.Duration.ZERO, hours.workingTime(
                java.time.ZonedDateTime.of(2026, 10, 3, 9, 0, 0, 0, zone).toInstant(),
                java.time.ZonedDateTime.of(2026, 10, 4, 18, 0, 0, 0, zone).toInstant(), calendar, zone), "a weekend");
    }
}
