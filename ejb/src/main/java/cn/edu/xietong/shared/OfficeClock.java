package cn.edu.xietong.shared;

import jakarta.ejb.Lock;
import jakarta.ejb.LockType;
import jakarta.ejb.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

/**
 * The one clock: every "now" and "today" of the application comes from here — deadlines, reminders and escalations
 * (B2), logins, password ages, sessions, presence, audit records, account reviews — so that tests move time instead of
 * back-dating rows. Services read it and pass the time into the domain (as {@code FlowContext} does); no domain
 * object reaches for a clock. Elapsed time (timeouts, caches) is measured apart from it. It is the system clock; only
 * a server started with {@code -Dxietong.clock.adjustable=true} (the test server) lets it be shifted.
 */
@Singleton
@Lock(LockType.READ)
public class OfficeClock {

    private volatile Duration offset = Duration.ZERO;

    public Instant now() {
        return Instant.now().plus(offset);
    }

    /** Today on the campus. */
    public LocalDate today() {
        return LocalDate.ofInstant(now(), Campus.zone());
    }

    /**
     * Moves the clock to {@code at} (tests only).
     *
     * @throws IllegalStateException unless the server allows it
     */
    public void moveTo(Instant at) {
        requireAdjustable();
        offset = Duration.between(Instant.now(), at);
    }

    /** Back to the system clock. */
    public void reset() {
        requireAdjustable();
        offset = Duration.ZERO;
    }

    private static void requireAdjustable() {
        if (!Boolean.getBoolean("xietong.clock.adjustable")) {
            throw new IllegalStateException("the clock is fixed on this server");
        }
    }
}
