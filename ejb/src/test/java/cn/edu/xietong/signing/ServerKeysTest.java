package cn.edu.xietong.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2, B3: the server keystore has no built-in password outside demo mode, and only its owner reads the file. */
class ServerKeysTest {

    @Test
    void outsideDemoModeTheServerRefusesToStartWithoutTheKeystorePassword() {
        IllegalStateException refused = assertThrows(IllegalStateException.class,
                () -> ServerKeys.password(name -> null, false));
        assertTrue(refused.getMessage().contains("XIETONG_KEYSTORE_PASSWORD"), refused.getMessage());
        assertThrows(IllegalStateException.class, () -> ServerKeys.password(name -> "", false));
    }

    @Test
    void thePasswordComesFromTheEnvironmentAndTheBuiltInOneOnlyInDemoMode() {
        assertArrayEquals("s3cret".toCharArray(),
                ServerKeys.password(name -> name.equals("XIETONG_KEYSTORE_PASSWORD") ? "s3cret" : null, false));
        assertArrayEquals(ServerKeys.DEMO_PASSWORD.toCharArray(), ServerKeys.password(name -> null, true));
    }

    @Test
    void theKeystoreFileIsReadableByItsOwnerOnly(@TempDir Path folder) throws Exception {
        Path file = folder.resolve("keys").resolve("keys.p12");
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, "pw".toCharArray());
        ServerKeys.save(store, file, "pw".toCharArray());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));

        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        ServerKeys.ownerOnly(file);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)),
                "a file made readable by others is tightened at the next start");
    }
}
