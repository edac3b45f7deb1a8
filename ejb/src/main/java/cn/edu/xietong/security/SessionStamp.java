package cn.edu.xietong.security;

import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;

/**
 * What a logged-in session remembers of its login (S3), kept in the HTTP session: the marker naming the login (one
 * session per account), the person's session epoch at that moment (deactivation, password and role changes count it
 * up) and when the login happened, on the office clock (the absolute lifetime).
 */
public record SessionStamp(String marker, long epoch, Instant startedAt) implements Serializable {

    public SessionStamp {
        Objects.requireNonNull(marker, "marker");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    /** The same session carried over to a new epoch: the one the person changed their password in goes on. */
    public SessionStamp withEpoch(long newEpoch) {
        return new SessionStamp(marker, newEpoch, startedAt);
    }
}
