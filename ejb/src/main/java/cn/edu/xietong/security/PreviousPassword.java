package cn.edu.xietong.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/** A password hash a person used before, kept so the policy can refuse reusing it (S2). */
@Embeddable
public class PreviousPassword {

    @Column(name = "password_hash", nullable = false, length = 255)
    private String hash;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected PreviousPassword() {
    }

    PreviousPassword(String hash, Instant changedAt) {
        this.hash = hash;
        this.changedAt = changedAt;
    }

    public String getHash() {
        return hash;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
