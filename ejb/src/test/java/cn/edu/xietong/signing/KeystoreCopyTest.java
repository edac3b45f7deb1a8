package cn.edu.xietong.signing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.List;
import java.util.Map;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E3, O2.2, S2: the server keystore goes into a backup set only re-encrypted with a backup passphrase of at least 16
 * characters, which alone opens the copy; the copy is its owner's alone and puts the same keys back.
 */
class KeystoreCopyTest {

    private static final char[] SERVER_PASSWORD = "server-keystore-password".toCharArray();
    private static final char[] PASSPHRASE = "correct horse battery staple".toCharArray();

    @TempDir
    Path temp;

    private Path serverKeystore() throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, SERVER_PASSWORD);
        store.setEntry("secret-sealing", new KeyStore.SecretKeyEntry(new SecretKeySpec(new byte[32], "AES")),
                new KeyStore.PasswordProtection(SERVER_PASSWORD));
        Path file = temp.resolve("keys.p12");
        ServerKeys.save(store, file, SERVER_PASSWORD);
        return file;
    }

    private static byte[] sealingKey(Path file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            store.load(in, password);
        }
        return store.getKey("secret-sealing", password).getEncoded();
    }

    @Test
    void theCopyOpensWithTheBackupPassphraseOnlyAndHoldsTheSameKeys() throws Exception {
        Path copy = temp.resolve("set/keystore.p12");
        KeystoreCopy.reencrypt(serverKeystore(), SERVER_PASSWORD, copy, PASSPHRASE, true);

        assertEquals(List.of("secret-sealing"), KeystoreCopy.open(copy, PASSPHRASE));
        assertArrayEquals(new byte[32], sealingKey(copy, PASSPHRASE));
        assertThrows(IOException.class, () -> KeystoreCopy.open(copy, SERVER_PASSWORD),
                "the server's own password does not open the copy");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
    }

    @Test
    void puttingTheKeystoreBackRefusesToOverwriteOneThatIsThere() throws Exception {
        Path copy = temp.resolve("set/keystore.p12");
        KeystoreCopy.reencrypt(serverKeystore(), SERVER_PASSWORD, copy, PASSPHRASE, true);
        Path restored = temp.resolve("new/keys.p12");
        char[] newPassword = "the-new-server-password".toCharArray();

        KeystoreCopy.reencrypt(copy, PASSPHRASE, restored, newPassword, false);
        assertArrayEquals(new byte[32], sealingKey(restored, newPassword));
        assertThrows(FileAlreadyExistsException.class,
                () -> KeystoreCopy.reencrypt(copy, PASSPHRASE, restored, newPassword, false));
        assertThrows(IOException.class, () -> KeystoreCopy.reencrypt(copy, "a wrong passphrase, long".toCharArray(),
                temp.resolve("other/keys.p12"), newPassword, false));
        assertTrue(Files.notExists(temp.resolve("other/keys.p12")), "a wrong passphrase writes nothing");
    }

    @Test
    void thePassphraseComesFromTheEnvironmentOrAnOwnerOnlyFileAndHasAtLeastSixteenCharacters() throws Exception {
        assertTrue(KeystoreCopy.passphrase(name -> null, name -> null).isEmpty(), "no passphrase: no keystore");
        Map<String, String> environment = Map.of(KeystoreCopy.PASSPHRASE_VARIABLE, "sixteen-chars-ok");
        assertArrayEquals("sixteen-chars-ok".toCharArray(),
                KeystoreCopy.passphrase(environment::get, name -> null).orElseThrow());
        IllegalStateException shortOne = assertThrows(IllegalStateException.class, () -> KeystoreCopy.passphrase(
                Map.of(KeystoreCopy.PASSPHRASE_VARIABLE, "too-short")::get, name -> null));
        assertTrue(shortOne.getMessage().contains("16"), shortOne.getMessage());

        Path file = temp.resolve("passphrase");
        Files.writeString(file, "a passphrase kept in a file\n");
        Map<String, String> properties = Map.of(KeystoreCopy.PASSPHRASE_FILE, file.toString());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        IllegalStateException readable = assertThrows(IllegalStateException.class,
                () -> KeystoreCopy.passphrase(name -> null, properties::get));
        assertTrue(readable.getMessage().contains("chmod 600"), readable.getMessage());
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        assertArrayEquals("a passphrase kept in a file".toCharArray(),
                KeystoreCopy.passphrase(name -> null, properties::get).orElseThrow());
    }
}
