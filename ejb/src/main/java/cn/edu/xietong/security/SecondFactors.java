package cn.edu.xietong.security;

import cn.edu.xietong.signing.ServerKeys;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

/** What the login and the enrolment share about second factors: checking a code, making recovery codes and tickets. */
final class SecondFactors {

    static final int RECOVERY_CODES = 10;
    private static final String RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecondFactors() {
    }

    /**
     * Checks a code against an enrolled second factor and uses it up: a TOTP code of the current time (never one
     * already used), or an unused recovery code. Returns how the person proved themselves, or {@code null}.
     */
    static String verify(ServerKeys keys, SecondFactor factor, String code, Instant now) {
        if (code == null || code.isBlank()) {
            return null;
        }
        byte[] secret = keys.open(factor.getSealedSecret());
        OptionalLong step = Totp.verify(secret, code.strip(), now, factor.getLastUsedStep());
        if (step.isPresent()) {
            factor.used(step.getAsLong());
            return "totp";
        }
        String plain = sha256(normaliseRecoveryCode(code));
        String stored = factor.getRecoverySalt() == null ? plain // the old form, not keyed yet
                : recoveryDigest(keys, factor.getRecoverySalt(), plain);
        return factor.useRecoveryCode(stored, now) ? "recovery code" : null;
    }

    /** Ten new recovery codes, shown once as {@code xxxxx-xxxxx}. */
    static List<String> newRecoveryCodes() {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < RECOVERY_CODES; i++) {
            StringBuilder code = new StringBuilder();
            for (int c = 0; c < 10; c++) {
                if (c == 5) {
                    code.append('-');
                }
                code.append(RECOVERY_ALPHABET.charAt(RANDOM.nextInt(RECOVERY_ALPHABET.length())));
            }
            codes.add(code.toString());
        }
        return codes;
    }

    /** The stored digests of recovery codes, keyed with the salt ({@link #recoveryDigest}). */
    static List<String> digests(ServerKeys keys, String salt, List<String> recoveryCodes) {
        return recoveryCodes.stream().map(c -> recoveryDigest(keys, salt, sha256(normaliseRecoveryCode(c)))).toList();
    }

    /**
     * What is stored of a recovery code: HMAC-SHA256 under the server's recovery-code key of the salt and the
     * code's SHA-256. Keying the SHA-256 (rather than the code) lets codes stored unkeyed be keyed in place.
     */
    static String recoveryDigest(ServerKeys keys, String salt, String sha256) {
        return keys.keyedDigest("recovery-code", (salt + ":" + sha256).getBytes(StandardCharsets.US_ASCII));
    }

    /** A new random salt for a person's recovery codes (128 bits, hex). */
    static String newSalt() {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return HexFormat.of().formatHex(salt);
    }

    /** Recovery codes are accepted whatever their case, spaces or dash. */
    static String normaliseRecoveryCode(String code) {
        return code.replaceAll("[\\s-]", "").toLowerCase(Locale.ROOT);
    }

    /** 32 random bytes, hex: login tickets and session markers. */
    static String randomToken() {
        byte[] token = new byte[32];
        RANDOM.nextBytes(token);
        return HexFormat.of().formatHex(token);
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
