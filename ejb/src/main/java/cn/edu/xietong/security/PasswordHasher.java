package cn.edu.xietong.security;

import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id password hashes in the PHC string format ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), so every
 * hash carries the parameters it was made with: raising the cost later only needs {@link #needsRehash} at the next
 * successful login. Thread-safe.
 */
public final class PasswordHasher {

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    /**
     * At most one hash per core at a time. Each hash is memory-hard (19 MiB): more at once than there are cores only
     * competes for caches and memory bandwidth, and a morning login burst then gets slower, not faster.
     */
    private static final Semaphore CORES = new Semaphore(Runtime.getRuntime().availableProcessors(), true);

    private final Argon2Parameters parameters;
    private final SecureRandom random = new SecureRandom();

    public PasswordHasher(Argon2Parameters parameters) {
        this.parameters = parameters;
    }

    /** A hasher with today's parameters ({@link Argon2Parameters#OWASP}). */
    public static PasswordHasher current() {
        return new PasswordHasher(Argon2Parameters.OWASP);
    }

    public Argon2Parameters parameters() {
        return parameters;
    }

    /** Hashes a password with a fresh random salt and the current parameters. */
    public String hash(char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = argon2(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations()
                + ",p=" + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True if the password matches the encoded hash; false for a wrong password or a malformed hash. */
    public boolean verify(char[] password, String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            return false;
        }
        Argon2Parameters stored = new Argon2Parameters(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] salt = B64D.decode(m.group(4));
        byte[] expected = B64D.decode(m.group(5));
        byte[] actual = argon2(password, salt, stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** True if the hash was made with weaker parameters than the current ones (or cannot be read). */
    public boolean needsRehash(String encoded) {
        Matcher m = encoded == null ? null : PHC.matcher(encoded);
        if (m == null || !m.matches()) {
            return true;
        }
        return new Argon2Parameters(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                Integer.parseInt(m.group(3))).weakerThan(parameters);
    }

    private static byte[] argon2(char[] password, byte[] salt, Argon2Parameters p, int length) {
        byte[] secret = utf8(password);
        CORES.acquireUninterruptibly();
        try {
            return Argon2Engine.CURRENT.hash(secret, salt, p, length);
        } finally {
            CORES.release();
            Arrays.fill(secret, (byte) 0);
        }
    }

    /** Which implementation computes the hashes on this server (for the benchmark and the logs). */
    public static String engine() {
        return Argon2Engine.CURRENT.name();
    }

    private static byte[] utf8(char[] password) {
        var buffer = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = Arrays.copyOfRange(buffer.array(), buffer.position(), buffer.limit());
        Arrays.fill(buffer.array(), (byte) 0);
        return bytes;
    }
}
