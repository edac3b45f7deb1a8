package cn.edu.xietong.security;

import java.util.Optional;

/**
 * How a login attempt ended. Only {@link Outcome#SUCCESS} carries a caller, who may still have to choose a new
 * password (first login, after a reset, or expired) or enrol a second factor before working, and the stamp of the
 * new session (which login, which session epoch, since when: S3). {@link Outcome#SECOND_FACTOR} carries the ticket for the second step. The
 * other outcomes tell the login page which message to show, none of which reveals whether the login name exists.
 */
public record LoginResult(Outcome outcome, AuthenticatedCaller caller, boolean passwordChangeRequired,
                          boolean secondFactorEnrolmentRequired, SessionStamp session, String challengeTicket) {

    public enum Outcome {
        SUCCESS,
        /** The password was right; a code from the person's authenticator app (or a recovery code) must follow. */
        SECOND_FACTOR,
        /** Wrong name or password, or a wrong code (the same for all). */
        INVALID,
        /** The second step came too late or after too many wrong codes: start again with the password. */
        CHALLENGE_EXPIRED,
        /** Too many failures for this login name: locked for a while, even with the right password. */
        LOCKED,
        /** Too many failures from this client address: blocked for a while. */
        THROTTLED
    }

    static LoginResult refused(Outcome outcome) {
        return new LoginResult(outcome, null, false, false, null, null);
    }

    static LoginResult challenge(String ticket) {
        return new LoginResult(Outcome.SECOND_FACTOR, null, false, false, null, ticket);
    }

    public Optional<AuthenticatedCaller> authenticated() {
        return Optional.ofNullable(caller);
    }
}
