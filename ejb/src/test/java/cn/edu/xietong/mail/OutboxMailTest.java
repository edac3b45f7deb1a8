package cn.edu.xietong.mail;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C2: what an outbox mail allows in each state (the claim itself is a conditional update: MailOutboxIT). */
class OutboxMailTest {

    private final Instant t0 = Instant.parse("2026-03-02T02:00:00Z");

    private OutboxMail mail() {
        return new OutboxMail(1L, "FLOWS.TODO", 1L, "a@b.cn", new NotificationMail.Text("s", "b"), false, t0);
    }

    @Test
    void onlyTheSenderHoldingTheClaimRecordsAnOutcome() {
        OutboxMail mail = mail();
        assertFalse(mail.sent("token", t0), "a PENDING mail was not claimed");
        assertEquals(OutboxState.PENDING, mail.getState());
    }

    @Test
    void aWaitingOrFailedMailCanBeRetriedOrCancelledAndASentOneNeither() {
        OutboxMail mail = mail();
        assertTrue(mail.retryNow(t0.plus(Duration.ofMinutes(5))));
        assertEquals(t0.plus(Duration.ofMinutes(5)), mail.getNextAttemptAt());
        assertTrue(mail.cancel());
        assertEquals(OutboxState.CANCELLED, mail.getState());
        assertFalse(mail.retryNow(t0), "a cancelled mail stays cancelled");
        assertFalse(mail.cancel());
    }

    @Test
    void aHeldMailCanBeCancelledButNotRetried() {
        OutboxMail held = new OutboxMail(1L, "FLOWS.TODO", 1L, "a@b.cn", new NotificationMail.Text("s", "b"), true,
                t0);
        assertEquals(OutboxState.HELD, held.getState());
        assertFalse(held.retryNow(t0));
        assertTrue(held.cancel());
    }
}
