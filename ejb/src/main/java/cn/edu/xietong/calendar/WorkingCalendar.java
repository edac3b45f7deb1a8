package cn.edu.xietong.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * Which days are working days (B2): Monday to Friday, except public holidays; Saturdays and Sundays are not, except
 * make-up work days (调休). An immutable value built from the special days; counting is pure and needs no database.
 */
public final class WorkingCalendar {

    private final Map<LocalDate, DayKind> special;

    public WorkingCalendar(Collection<SpecialDay> days) {
        Map<LocalDate, DayKind> map = new HashMap<>();
        days.forEach(d -> map.put(d.getDay(), d.getKind()));
        this.special = Map.copyOf(map);
    }

    public boolean isWorkingDay(LocalDate day) {
        DayKind kind = special.get(day);
        if (kind != null) {
            return kind == DayKind.WORKDAY;
        }
        DayOfWeek weekday = day.getDayOfWeek();
        return weekday != DayOfWeek.SATURDAY && weekday != DayOfWeek.SUNDAY;
    }

    /** The working day {@code n} working days after {@code day} ({@code n} ≥ 1); {@code day} itself need not work. */
    public LocalDate addWorkingDays(LocalDate day, int n) {
        if (n < 1) {
            throw new IllegalArgumentException("count at least one working day: " + n);
        }
        LocalDate result = day;
        for (int left = n; left > 0; ) {
            result = result.plusDays(1);
            if (isWorkingDay(result)) {
                left--;
            }
        }
        return result;
    }

    /** The last working day before {@code day}. */
    public LocalDate previousWorkingDay(LocalDate day) {
        LocalDate result = day.minusDays(1);
        while (!isWorkingDay(result)) {
            result = result.minusDays(1);
        }
        return result;
    }

    /** Working days in {@code (from, to]}: how many working days lie after {@code from} up to and including {@code to}. */
    public int workingDaysBetween(LocalDate from, LocalDate to) {
        int count = 0;
        for (LocalDate d = from.plusDays(1); !d.isAfter(to); d = d.plusDays(1)) {
            if (isWorkingDay(d)) {
                count++;
            }
        }
        return count;
    }
}
