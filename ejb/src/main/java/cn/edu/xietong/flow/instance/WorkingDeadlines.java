package cn.edu.xietong.flow.instance;

import cn.edu.xietong.calendar.WorkingCalendar;
import cn.edu.xietong.shared.Campus;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;

/**
 * Deadlines in working days (B2, A2): a to-do that arrives at some time on day D is due at the same time of day on
 * the n-th working day after D, counted with the working-day calendar (weekends, public holidays, make-up work days)
 * in the campus time zone. A to-do that arrives on Friday afternoon before a holiday week is due on the afternoon
 * of the first working day after it.
 */
public record WorkingDeadlines(WorkingCalendar calendar) implements Deadlines {

    @Override
    public Instant due(Instant arrived, int workingDays) {
        ZonedDateTime local = arrived.atZone(Campus.zone());
        LocalDate day = calendar.addWorkingDays(local.toLocalDate(), workingDays);
        return local.with(day).toInstant();
    }
}
