package cn.edu.xietong.mail;

import java.time.Duration;

/**
 * How long the outbox waits before trying a mail again (C2): the pause doubles after each failed attempt, from
 * {@code base} up to {@code cap}; after {@code maxAttempts} failed attempts the mail is FAILED. Set by
 * {@code -Dxietong.mail.retryBaseSeconds} (60), {@code -Dxietong.mail.retryCapSeconds} (3600) and
 * {@code -Dxietong.mail.maxAttempts} (8): by default the last of eight attempts is made about two hours after the first.
 * The system administrator may change them while the server runs (O2.1); the sender reads them through the settings
 * service ({@code OutboxSender#backoff}), and {@link #configured()} gives the start-up values alone.
 */
public record Backoff(Duration base, Duration cap, int maxAttempts) {

    public Backoff {
        if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0 || maxAttempts < 1) {
            throw new IllegalArgumentException("a back-off needs 0 < base <= cap and at least one attempt");
        }
    }

    public static Backoff configured() {
        return new Backoff(Duration.ofSeconds(Long.getLong("xietong.mail.retryBaseSeconds", 60)),
                Duration.ofSeconds(Long.getLong("xietong.mail.retryCapSeconds", 3600)),
                Integer.getInteger("xietong.mail.maxAttempts", 8));
    }

    /** The pause after the given number of failed attempts (1 → base, 2 → 2 × base, … never more than cap). */
    public Duration pauseAfter(int failedAttempts) {
        int doublings = Math.max(0, Math.min(failedAttempts - 1, 30));
        Duration pause = base.multipliedBy(1L << doublings);
        return pause.compareTo(cap) > 0 ? cap : pause;
    }

    /** Whether a mail that failed this many times gets no more attempts. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }
}
