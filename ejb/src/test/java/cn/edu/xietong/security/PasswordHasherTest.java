package cn.edu.xietong.security;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2: passwords are kept as salted Argon2id hashes whose cost can be raised later. */
class PasswordHasherTest {

    /** Cheap parameters keep these tests fast; the format and the rules are the same as with OWASP's. */
    private final PasswordHasher hasher = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @Test
    void hashVerifiesTheSamePasswordOnly() {
        String hash = hasher.hash("Correct#Horse1".toCharArray());
        assertTrue(hasher.verify("Correct#Horse1".toCharArray(), hash));
        assertFalse(hasher.verify("Correct#Horse2".toCharArray(), hash));
        assertFalse(hasher.verify("".toCharArray(), hash));
    }

    @Test
    void hashCarriesItsParametersInPhcFormat() {
        String hash = hasher.hash("pw".toCharArray());
        assertTrue(hash.startsWith("$argon2id$v=19$m=1024,t=1,p=1$"), hash);
    }

    @Test
    void samePasswordGetsADifferentSaltEachTime() {
        assertNotEquals(hasher.hash("same".toCharArray()), hasher.hash("same".toCharArray()));
    }

    @Test
    void nonAsciiPasswordsAreHashedAsUtf8() {
        String hash = hasher.hash("协同办公#2026".toCharArray());
        assertTrue(hasher.verify("协同办公#2026".toCharArray(), hash));
        assertFalse(hasher.verify("协同办公#2025".toCharArray(), hash));
    }

    @Test
    void malformedOrForeignHashesNeverVerify() {
        assertFalse(hasher.verify("pw".toCharArray(), null));
        assertFalse(hasher.verify("pw".toCharArray(), "plain-text"));
        assertFalse(hasher.verify("pw".toCharArray(), "$2a$10$abcdefghijklmnopqrstuv"));
    }

    @Test
    void weakerHashesAskForARehashAndCurrentOnesDoNot() {
        String weak = hasher.hash("pw".toCharArray());
        PasswordHasher stronger = new PasswordHasher(new Argon2Parameters(2048, 2, 1));
        assertTrue(stronger.needsRehash(weak));
        assertFalse(stronger.needsRehash(stronger.hash("pw".toCharArray())));
        assertTrue(stronger.needsRehash("not a hash"));
    }

    @Test
    void aHashMadeWithOldParametersStillVerifiesAfterTheCostIsRaised() {
        String weak = hasher.hash("pw".toCharArray());
        assertTrue(new PasswordHasher(new Argon2Parameters(2048, 2, 1)).verify("pw".toCharArray(), weak));
    }

    @Test
    void todaysParametersAreOwaspsArgon2idRecommendation() {
        Argon2Parameters p = PasswordHasher.current().parameters();
        assertTrue(p.memoryKiB() >= 19 * 1024 && p.iterations() >= 2 && p.parallelism() >= 1, p.toString());
    }
}
