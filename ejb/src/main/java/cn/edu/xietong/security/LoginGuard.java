package cn.edu.xietong.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/**
 * Failed logins of one login name, kept whether or not a person has that name, so that locking reveals nothing
 * about which names exist. A successful login removes the guard.
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

    int failures() {
        return failures;
    }

    Instant lockedUntil() {
        return lockedUntil;
    }
}
