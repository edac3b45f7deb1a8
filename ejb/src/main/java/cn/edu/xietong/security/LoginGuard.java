package cn.edu.xietong.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Failed logins of one login name, kept whether or not a person has that name, so that locking reveals nothing
 * about which names exist. Each attempt is counted before it is checked and taken back if it was right
 * ({@link LoginGuards}); a successful login clears the count (the row stays, so that the next attempt need not make it
 * again).
 */
@Entity
@Table(name = "login_guard")
class LoginGuard {

    @Id
    @Column(length = 64)
    private String login;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "locked_until")
    private Instant lockedUntil;

    protected LoginGuard() {
    }

    LoginGuard(String login) {
        this.login = login;
    }

    boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }

    /** Counts a failure; returns true when this failure locks the name. */
    boolean fail(Instant now, LoginPolicy policy) {
        if (lockedUntil != null && !now.isBefore(lockedUntil)) {
            failures = 0; // an expired lock starts a fresh count
            lockedUntil = null;
        }
        failures++;
        if (failures >= policy.maxFailures()) {
            lockedUntil = now.plus(policy.lockout());
            return true;
        }
        return false;
    }

    /**
     * Takes back one counted attempt that turned out right: the count goes down, and a lock that this attempt set
     * (the count falls below the limit again) is lifted.
     */
    void release(LoginPolicy policy) {
        if (failures > 0) {
            failures--;
        }
        if (failures < policy.maxFailures()) {
            lockedUntil = null;
        }
    }

    /** A successful login: the count starts again. */
    void clear() {
        failures = 0;
        lockedUntil = null;
    }

    int failures() {
        return failures;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
