package cn.edu.xietong.schedule;

import cn.edu.xietong.shared.DomainException;
import jakarta.enterprise.concurrent.CronTrigger;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * When a scheduled job runs (C1): a calendar expression of five fields — minute, hour, day of month, month, day of
 * week — as cron writes them ({@code 0 2 * * SUN} is Sundays at 02:00), read in a time zone. Parsing and the next
 * times are Jakarta Concurrency's {@link CronTrigger}; this class adds the rules of Xietong: five fields only (the
 * scheduler ticks once a minute), a bounded length, and an expression that never comes round is refused.
 */
public final class CalendarExpression {

    public static final int MAX_LENGTH = 100;

    private final String text;
    private final ZoneId zone;
    private final CronTrigger trigger;

    private CalendarExpression(String text, ZoneId zone, CronTrigger trigger) {
        this.text = text;
        this.zone = zone;
        this.trigger = trigger;
    }

    /**
     * Reads an expression, its fields separated by blanks, in upper or lower case.
     *
     * @throws DomainException {@code schedule.expression.invalid} when it is not five valid fields, or
     *                         {@code schedule.expression.never} when it names no time that comes
     */
    public static CalendarExpression parse(String expression, ZoneId zone) {
        String text = expression == null ? "" : expression.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (text.isEmpty() || text.length() > MAX_LENGTH || text.split(" ").length != 5) {
            throw new DomainException("schedule.expression.invalid", expression == null ? "" : expression);
        }
        CronTrigger trigger;
        try {
            trigger = new CronTrigger(text, zone);
        } catch (IllegalArgumentException | DateTimeException e) {
            throw new DomainException("schedule.expression.invalid", expression);
        }
        CalendarExpression parsed = new CalendarExpression(text, zone, trigger);
        if (parsed.nextAfter(Instant.now()).isEmpty()) {
            throw new DomainException("schedule.expression.never", expression);
        }
        return parsed;
    }

    /** The expression as stored: single blanks, upper case. */
    public String text() {
        return text;
    }

    /** The first time strictly after {@code after}; empty when none comes. */
    public Optional<ZonedDateTime> nextAfter(Instant after) {
        ZonedDateTime from = after.atZone(zone).truncatedTo(ChronoUnit.SECONDS).plusSeconds(1);
        try {
            return Optional.ofNullable(trigger.getNextRunTime(null, from));
        } catch (DateTimeException never) {
            return Optional.empty();
        }
    }

    /** The next {@code count} times strictly after {@code after}, in the expression's zone. */
    public List<ZonedDateTime> next(Instant after, int count) {
        List<ZonedDateTime> times = new ArrayList<>(count);
        Instant from = after;
        for (int i = 0; i < count; i++) {
            Optional<ZonedDateTime> next = nextAfter(from);
            if (next.isEmpty()) {
                break;
            }
            times.add(next.get());
            from = next.get().toInstant();
        }
        return times;
    }

    @Override
    public String toString() {
        return text;
    }
}
