package cn.edu.xietong.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C2: a mail that fails is tried again after pauses that double up to a cap, and gives up after the last attempt. */
class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(10), 5);

    @Test
    void thePauseDoublesAfterEachFailedAttemptUpToTheCap() {
        assertEquals(Duration.ofMinutes(1), backoff.pauseAfter(1));
        assertEquals(Duration.ofMinutes(2), backoff.pauseAfter(2));
        assertEquals(Duration.ofMinutes(4), backoff.pauseAfter(3));
        assertEquals(Duration.ofMinutes(8), backoff.pauseAfter(4));
        assertEquals(Duration.ofMinutes(10), backoff.pauseAfter(5));
        assertEquals(Duration.ofMinutes(10), backoff.pauseAfter(500));
    }

    @Test
    void theMailGivesUpAfterItsLastAttempt() {
        assertFalse(backoff.exhausted(4));
        assertTrue(backoff.exhausted(5));
    }

    @Test
    void aBackoffNeedsAPositiveBaseBelowItsCapAndOneAttempt() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(2), Duration.ofMinutes(1), 3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ofMinutes(1), Duration.ofMinutes(1), 0));
    }

    @Test
    void theDefaultsGiveEightAttemptsFromOneMinuteToOneHour() {
        Backoff defaults = Backoff.configured();
        assertEquals(8, defaults.maxAttempts());
        assertEquals(Duration.ofMinutes(1), defaults.pauseAfter(1));
        assertEquals(Duration.ofHours(1), defaults.pauseAfter(8));
    }
}
