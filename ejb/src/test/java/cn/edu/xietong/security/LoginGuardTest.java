package cn.edu.xietong.security;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2, S3: five failures lock a login name for fifteen minutes; twenty from one address block it. */
class LoginGuardTest {

    private final LoginPolicy policy = LoginPolicy.DEFAULT;
    private final Instant t0 = Instant.parse("2026-11-25T01:00:00Z");

    @Test
    void theFifthConsecutiveFailureLocksForFifteenMinutes() {
        LoginGuard guard = new LoginGuard("someone");
        for (int i = 1; i < 5; i++) {
            assertFalse(guard.fail(t0.plusSeconds(i), policy), "failure " + i);
            assertFalse(guard.lockedAt(t0.plusSeconds(i)));
        }
        assertTrue(guard.fail(t0.plusSeconds(5), policy));
        assertTrue(guard.lockedAt(t0.plusSeconds(5)));
        assertTrue(guard.lockedAt(t0.plusSeconds(5).plus(Duration.ofMinutes(15)).minusMillis(1)));
        assertFalse(guard.lockedAt(t0.plusSeconds(5).plus(Duration.ofMinutes(15))), "released after 15 minutes");
    }

    @Test
    void aFailureAfterTheLockExpiredStartsAFreshCount() {
        LoginGuard guard = new LoginGuard("someone");
        for (int i = 0; i < 5; i++) {
            guard.fail(t0, policy);
        }
        Instant later = t0.plus(Duration.ofMinutes(16));
        assertFalse(guard.fail(later, policy));
        assertEquals(1, guard.failures());
        assertFalse(guard.lockedAt(later));
    }

    /** Attempts are counted before they are checked; one that was right is taken back, with the lock it set. */
    @Test
    void aRightAttemptTakesBackItsCountAndTheLockItSet() {
        LoginGuard guard = new LoginGuard("someone");
        for (int i = 0; i < 4; i++) {
            guard.fail(t0, policy);
        }
        assertTrue(guard.fail(t0, policy), "the fifth attempt in flight locks the name");
        guard.release(policy);
        assertEquals(4, guard.failures());
        assertFalse(guard.lockedAt(t0), "it was right: the lock it set is lifted");
        guard.clear();
        assertEquals(0, guard.failures());
    }

    @Test
    void anAddressIsBlockedAfterTwentyFailuresWithinTenMinutes() {
        ClientGuard client = new ClientGuard("203.0.113.9", t0);
        for (int i = 1; i < 20; i++) {
            assertFalse(client.fail(t0.plusSeconds(i * 10), policy));
        }
        assertTrue(client.fail(t0.plusSeconds(200), policy));
        assertTrue(client.blockedAt(t0.plusSeconds(201)));
        assertFalse(client.blockedAt(t0.plusSeconds(200).plus(Duration.ofMinutes(15))));
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotBlock() {
        ClientGuard client = new ClientGuard("203.0.113.9", t0);
        for (int i = 0; i < 40; i++) {
            assertFalse(client.fail(t0.plus(Duration.ofMinutes(i)), policy), "failure at minute " + i);
        }
    }
}
