package cn.edu.xietong.security;

import java.util.Optional;

/**
 * How a login attempt ended; a successful one may still require a new password first (first login, after a reset,
 * or expired). Only {@link Outcome#SUCCESS} carries a caller; the others tell the login page which
 * message to show, none of which reveals whether the login name exists.
 */
public record LoginResult(Outcome outcome, AuthenticatedCaller caller, boolean passwordChangeRequired) {

    public enum Outcome {
        SUCCESS,
        /** Wrong name or password (the same for both). */
        INVALID,
        /** Too many failures for this login name: locked for a while, even with the right password. */
        LOCKED,
        /** Too many failures from this client address: blocked for a while. */
        THROTTLED
    }

    static LoginResult refused(Outcome outcome) {
        return new LoginResult(outcome, null, false);
    }

    public Optional<AuthenticatedCaller> authenticated() {
        return Optional.ofNullable(caller);
    }
}
