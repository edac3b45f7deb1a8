package cn.edu.xietong.mail;

import java.io.Serializable;
import java.time.Instant;

/** An outbox mail as the administrator's queue lists it (C2): where it goes, about what, and how its sending goes. */
public record QueuedMail(long id, String recipient, String kind, String subject, OutboxState state, int attempts,
                         Instant createdAt, Instant nextAttemptAt, Instant lastAttemptAt, String lastError,
                         Instant sentAt, String messageId) implements Serializable {

    static QueuedMail of(OutboxMail m) {
        return new QueuedMail(m.getId(), m.getRecipient(), m.getKind(), m.getSubject(), m.getState(), m.getAttempts(),
                m.getCreatedAt(), m.getNextAttemptAt(), m.getLastAttemptAt(), m.getLastError(), m.getSentAt(),
                m.getMessageId());
    }

    public boolean retryable() {
        return state == OutboxState.PENDING || state == OutboxState.FAILED;
    }

    public boolean cancellable() {
        return state == OutboxState.PENDING || state == OutboxState.FAILED || state == OutboxState.HELD;
    }
}
