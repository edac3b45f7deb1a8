package cn.edu.xietong.security;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * One one-time recovery code of a second factor (S2), kept only as a keyed digest: HMAC-SHA256, under a key from the
 * server keystore, of the person's salt and the code's SHA-256 ({@link SecondFactors#recoveryDigest}). The codes have
 * 50 random bits; unkeyed, a copy of the database would let them be tried offline. Rows stored before (the plain
 * SHA-256, the factor without a salt) are keyed in place at the server's start by {@link RecoveryCodeUpgrade}.
 */
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

    String codeHash() {
        return codeHash;
    }

    /** Replaces the stored digest by a keyed one of it (the upgrade of old rows). */
    void rekey(String digest) {
        codeHash = digest;
    }

    void use(Instant at) {
        usedAt = at;
    }
}
