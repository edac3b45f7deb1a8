package cn.edu.xietong.security;

import de.mkammerer.argon2.Argon2Advanced;
import de.mkammerer.argon2.Argon2Factory;
import de.mkammerer.argon2.Argon2Version;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters.Builder;

import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Computes raw Argon2id (version 1.3) hashes. Two implementations give the same bytes: the reference C library
 * (libargon2, through JNA) and Bouncy Castle's pure Java. The native one is two to three times faster here, which is
 * what a morning login burst needs (S2); it is used when it loads and agrees with Bouncy Castle on a test vector, and
 * {@code -Dxietong.argon2.native=false} turns it off.
 */
abstract class Argon2Engine {

    private static final Logger LOG = Logger.getLogger(Argon2Engine.class.getName());

    /** The engine of this server, chosen once. */
    static final Argon2Engine CURRENT = choose();

    abstract byte[] hash(byte[] password, byte[] salt, Argon2Parameters p, int length);

    abstract String name();

    private static Argon2Engine choose() {
        Argon2Engine pureJava = new BouncyCastle();
        if ("false".equals(System.getProperty("xietong.argon2.native"))) {
            return pureJava;
        }
        try {
            Argon2Engine reference = new Native();
            byte[] password = "xietong".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            byte[] salt = new byte[16];
            Argon2Parameters probe = new Argon2Parameters(64, 2, 1);
            if (Arrays.equals(reference.hash(password, salt, probe, 32), pureJava.hash(password, salt, probe, 32))) {
                LOG.info("Argon2id: the native reference library");
                return reference;
            }
            LOG.warning("Argon2id: the native library disagrees with Bouncy Castle; using Bouncy Castle");
        } catch (LinkageError | RuntimeException unavailable) {
            LOG.log(Level.INFO, "Argon2id: no native library here (" + unavailable + "); using Bouncy Castle");
        }
        return pureJava;
    }

    static final class BouncyCastle extends Argon2Engine {

        @Override
        byte[] hash(byte[] password, byte[] salt, Argon2Parameters p, int length) {
            Argon2BytesGenerator generator = new Argon2BytesGenerator();
            generator.init(new Builder(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_id)
                    .withVersion(org.bouncycastle.crypto.params.Argon2Parameters.ARGON2_VERSION_13)
                    .withMemoryAsKB(p.memoryKiB())
                    .withIterations(p.iterations())
                    .withParallelism(p.parallelism())
                    .withSalt(salt)
                    .build());
            byte[] out = new byte[length];
            generator.generateBytes(password, out);
            return out;
        }

        @Override
        String name() {
            return "Bouncy Castle";
        }
    }

    static final class Native extends Argon2Engine {

        private final Argon2Advanced argon2 = Argon2Factory.createAdvanced(Argon2Factory.Argon2Types.ARGON2id);

        @Override
        byte[] hash(byte[] password, byte[] salt, Argon2Parameters p, int length) {
            if (password.length == 0) { // JNA cannot pass an empty buffer; the result is the same either way
                return new BouncyCastle().hash(password, salt, p, length);
            }
            return argon2.rawHashAdvanced(p.iterations(), p.memoryKiB(), p.parallelism(), password, salt, null, null,
                    length, Argon2Version.V13);
        }

        @Override
        String name() {
            return "libargon2";
        }
    }
}
