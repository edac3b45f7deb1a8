package cn.edu.xietong.security;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** S2: both Argon2id implementations give the reference bytes, so hashes made by either verify with the other. */
class Argon2EngineTest {

    @Test
    void bouncyCastleAndTheNativeLibraryAgree() {
        byte[] password = "password".getBytes(StandardCharsets.US_ASCII);
        byte[] salt = "somesaltsomesalt".getBytes(StandardCharsets.US_ASCII);
        Argon2Parameters p = new Argon2Parameters(1024, 2, 1);
        byte[] java = new Argon2Engine.BouncyCastle().hash(password, salt, p, 32);
        byte[] reference = new Argon2Engine.Native().hash(password, salt, p, 32);
        assertArrayEquals(java, reference);
        assertEquals(32, java.length);
    }

    @Test
    void theServerUsesTheNativeLibraryWhereItLoads() {
        assertEquals("libargon2", PasswordHasher.engine());
        assertEquals(64, HexFormat.of().formatHex(new Argon2Engine.Native().hash(
                "x".getBytes(StandardCharsets.US_ASCII), new byte[16], new Argon2Parameters(64, 1, 1), 32)).length());
    }
}
