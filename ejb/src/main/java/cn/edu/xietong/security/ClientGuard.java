package cn.edu.xietong.security;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** Failed logins from one client address in a window: too many block the address for a while (throttling). */
@Entity
@Table(name = "client_guard")
class ClientGuard {

    @Id
    @Column(length = 64)
    private String address;

    @Column(name = "failures", nullable = false)
    private int failures;

    @Column(name = "window_start", nullable = false)
    private Instant windowStart;

    @Column(name = "blocked_until")
    private Instant blockedUntil;

    protected ClientGuard() {
    }

    ClientGuard(String address, Instant now) {
        this.address = address;
        this.windowStart = now;
    }

    boolean blockedAt(Instant now) {
        return blockedUntil != null && now.isBefore(blockedUntil);
    }

    /** Counts a failure; returns true when this failure blocks the address. */
    boolean fail(Instant now, LoginPolicy policy) {
        if (now.isAfter(windowStart.plus(policy.clientWindow()))
                || (blockedUntil != null && !now.isBefore(blockedUntil))) {
            windowStart = now;
            failures = 0;
            blockedUntil = null;
        }
        failures++;
        if (failures >= policy.clientMaxFailures() && blockedUntil == null) {
            blockedUntil = now.plus(policy.clientBlock());
            return true;
        }
        return false;
    }
}
