package cn.edu.xietong.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** When a session goes on and why it ends (S2, S3; ASVS 3.3). */
class SessionStateTest {

    private static final Instant LOGIN = Instant.parse("2026-11-30T01:00:00Z");
    private static final Duration TWELVE_HOURS = Duration.ofHours(12);
    private final SessionStamp stamp = new SessionStamp("marker", 3, LOGIN);

    private static SessionState state(boolean active, String newestMarker, long epoch, SessionEnd endedBy,
                                      boolean singleSession) {
        return new SessionState(active, newestMarker, epoch, endedBy, singleSession, TWELVE_HOURS);
    }

    @Test
    void aSessionGoesOnWhileNothingHasChangedSinceItsLogin() {
        assertNull(state(true, "marker", 3, SessionEnd.ROLES_CHANGED, true).end(stamp, LOGIN.plusSeconds(60)));
        assertNull(state(true, "newer", 3, null, false).end(stamp, LOGIN.plusSeconds(60)),
                "a newer login ends nothing while several sessions are allowed");
    }

    @Test
    void aChangeThatEndedThePersonsSessionsEndsThisOneWithItsReason() {
        assertEquals(SessionEnd.PASSWORD_RESET,
                state(true, "marker", 4, SessionEnd.PASSWORD_RESET, false).end(stamp, LOGIN.plusSeconds(60)));
        assertEquals(SessionEnd.ROLES_CHANGED,
                state(true, "marker", 5, SessionEnd.ROLES_CHANGED, false).end(stamp, LOGIN.plusSeconds(60)));
    }

    @Test
    void aDeactivatedAccountEndsTheSessionWhateverElseHolds() {
        assertEquals(SessionEnd.DEACTIVATED,
                state(false, "newer", 9, SessionEnd.PASSWORD_CHANGED, true).end(stamp, LOGIN.plusSeconds(60)));
    }

    @Test
    void withOneSessionPerAccountANewerLoginEndsTheOlderSession() {
        assertEquals(SessionEnd.REPLACED, state(true, "newer", 3, null, true).end(stamp, LOGIN.plusSeconds(60)));
    }

    @Test
    void noSessionOutlivesItsAbsoluteLifetimeHoweverActive() {
        SessionState unchanged = state(true, "marker", 3, null, false);
        assertNull(unchanged.end(stamp, LOGIN.plus(TWELVE_HOURS).minusSeconds(1)));
        assertEquals(SessionEnd.EXPIRED, unchanged.end(stamp, LOGIN.plus(TWELVE_HOURS)));
    }

    @Test
    void theSessionItWasChangedInGoesOnUnderTheNewEpoch() {
        SessionState changed = state(true, "marker", 4, SessionEnd.PASSWORD_CHANGED, false);
        assertEquals(SessionEnd.PASSWORD_CHANGED, changed.end(stamp, LOGIN.plusSeconds(60)));
        assertNull(changed.end(stamp.withEpoch(4), LOGIN.plusSeconds(60)));
    }
}
