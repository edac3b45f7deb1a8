package cn.edu.xietong.security;


import java.time.Duration;
import java.time.Instant;

/**
 * What the database says about a person's sessions at one request (S2, S3; ASVS 3.3), read in one query: whether
 * the account is active, the newest login's marker, the session epoch and why it last moved, and the policy's
 * session rules.
 *
 * @param active          the account may log in
 * @param newestMarker    the marker of the person's newest login
 * @param epoch           the person's session epoch
 * @param endedBy         why the epoch last moved ({@code null} if it never did)
 * @param singleSession   the policy allows one session per account
 * @param lifetime        the policy's absolute session lifetime
 */
public record SessionState(boolean active, String newestMarker, long epoch, SessionEnd endedBy, boolean singleSession,
                           Duration lifetime) {

    /**
     * Why the session {@code stamp} describes must end at {@code now}, or {@code null} if it goes on. A deactivated
     * account comes first, then the changes that ended all of the person's sessions, then a newer login (one session
     * per account), then the absolute lifetime.
     */
    public SessionEnd end(SessionStamp stamp, Instant now) {
        if (!active) {
            return SessionEnd.DEACTIVATED;
        }
        if (stamp.epoch() != epoch) {
            return endedBy != null ? endedBy : SessionEnd.EXPIRED;
        }
        if (singleSession && !stamp.marker().equals(newestMarker)) {
            return SessionEnd.REPLACED;
        }
        if (!now.isBefore(stamp.startedAt().plus(lifetime))) {
            return SessionEnd.EXPIRED;
        }
        return null;
    }
}
