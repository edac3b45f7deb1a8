package cn.edu.xietong.presence;

import cn.edu.xietong.calendar.WorkingCalendar;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The university's working hours (B1): a morning and an afternoon period, by default 08:00–12:00 and 14:00–17:30
 * ({@code -Dxietong.hours.morning=08:00-12:00}, {@code -Dxietong.hours.afternoon=14:00-17:30}), in half-hour slots.
 */
public record WorkingHours(LocalTime morningStart, LocalTime morningEnd, LocalTime afternoonStart,
                           LocalTime afternoonEnd) {

    public WorkingHours {
        Objects.requireNonNull(morningStart);
        Objects.requireNonNull(afternoonEnd);
        if (!morningStart.isBefore(morningEnd) || morningEnd.isAfter(afternoonStart)
                || !afternoonStart.isBefore(afternoonEnd)) {
            throw new IllegalArgumentException("working hours out of order");
        }
    }

    public static WorkingHours configured() {
        LocalTime[] morning = period(System.getProperty("xietong.hours.morning", "08:00-12:00"));
        LocalTime[] afternoon = period(System.getProperty("xietong.hours.afternoon", "14:00-17:30"));
        return new WorkingHours(morning[0], morning[1], afternoon[0], afternoon[1]);
    }

    private static LocalTime[] period(String text) {
        String[] ends = text.split("-");
        return new LocalTime[]{LocalTime.parse(ends[0].strip()), LocalTime.parse(ends[1].strip())};
    }

    /** The slots (bits) a period covers: every half-hour that overlaps it. */
    static long slots(LocalTime start, LocalTime end) {
        long mask = 0;
        int first = (start.getHour() * 60 + start.getMinute()) / PresenceDay.SLOT_MINUTES;
        int last = (end.getHour() * 60 + end.getMinute() - 1) / PresenceDay.SLOT_MINUTES;
        for (int s = first; s <= last; s++) {
            mask |= 1L << s;
        }
        return mask;
    }

    public long morningSlots() {
        return slots(morningStart, morningEnd);
    }

    public long afternoonSlots() {
        return slots(afternoonStart, afternoonEnd);
    }

    /** Whether the day's slots show activity in the morning period. */
    public boolean morning(long daySlots) {
        return (daySlots & morningSlots()) != 0;
    }

    public boolean afternoon(long daySlots) {
        return (daySlots & afternoonSlots()) != 0;
    }

    /** The share of working-hour slots with activity, in whole percent. */
    public int coveragePercent(long daySlots) {
        long working = morningSlots() | afternoonSlots();
        return Math.round(100f * Long.bitCount(daySlots & working) / Long.bitCount(working));
    }

    /**
     * The working time between two moments (O1.5: handling time in working hours): the parts of the morning and
     * afternoon periods on working days of the calendar that lie between them.
     */
    public Duration workingTime(Instant from, Instant to, WorkingCalendar calendar, ZoneId zone) {
        Duration total = Duration.ZERO;
        if (!to.isAfter(from)) {
            return total;
        }
        for (LocalDate day = LocalDate.ofInstant(from, zone);
             !day.isAfter(LocalDate.ofInstant(to, zone)); day = day.plusDays(1)) {
            if (!calendar.isWorkingDay(day)) {
                continue;
            }
            total = total.plus(overlap(day.atTime(morningStart).atZone(zone).toInstant(),
                    day.atTime(morningEnd).atZone(zone).toInstant(), from, to));
            total = total.plus(overlap(day.atTime(afternoonStart).atZone(zone).toInstant(),
                    day.atTime(afternoonEnd).atZone(zone).toInstant(), from, to));
        }
        return total;
    }

    private static Duration overlap(Instant start, Instant end, Instant from, Instant to) {
        Instant a = start.isAfter(from) ? start : from;
        Instant b = end.isBefore(to) ? end : to;
        return b.isAfter(a) ? Duration.between(a, b) : Duration.ZERO;
    }
}
