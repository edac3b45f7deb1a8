package cn.edu.xietong.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** One one-time recovery code of a second factor, kept as its SHA-256 only (the codes have 50 random bits). */
@Embeddable
public class RecoveryCode {

    @Column(name = "code_hash", nullable = false, length = 64)
    private String codeHash;

    @Column(name = "used_at")
    private Instant usedAt;

    protected RecoveryCode() {
    }

    RecoveryCode(String codeHash) {
        this.codeHash = codeHash;
    }

    boolean unused() {
        return usedAt == null;
    }

    boolean unusedWithHash(String hash) {
        return usedAt == null && MessageDigest.isEqual(codeHash.getBytes(StandardCharsets.US_ASCII),
                hash.getBytes(StandardCharsets.US_ASCII));
    }

    void use(Instant at) {
        usedAt = at;
    }
}
