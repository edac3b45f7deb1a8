package cn.edu.xietong.backup;

import cn.edu.xietong.signing.KeystoreCopy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.crypto.spec.SecretKeySpec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E3, O2.2: what a restore puts back from a set, and what it refuses. */
class RestoreTest {

    @TempDir
    Path temp;

    private final byte[] database = "H2 database file".getBytes(StandardCharsets.UTF_8);
    private final byte[] content = "文档内容".getBytes(StandardCharsets.UTF_8);
    private static final char[] SERVER_PASSWORD = "the-old-server-password".toCharArray();
    private static final char[] PASSPHRASE = "the backup passphrase, kept apart".toCharArray();
    private static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);

    /** A complete set: an H2 snapshot, one stored content and one publish-time copy. */
    private Path completeSet() throws Exception {
        return completeSet(false);
    }

    /** The same, with the server keystore encrypted with {@link #PASSPHRASE} when asked. */
    private Path completeSet(boolean withKeystore) throws Exception {
        return completeSet(withKeystore, false);
    }

    /** A set as the backup job writes it ({@code database/oa.mv.db}), or as it wrote it before ({@code database.zip}). */
    private Path completeSet(boolean withKeystore, boolean zipped) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        Path store = temp.resolve("store");
        Files.createDirectories(store.resolve(sha.substring(0, 2) + "/" + sha.substring(2, 4)));
        Files.write(store.resolve(sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha), content);
        Path copies = Files.createDirectories(temp.resolve("copies/notices"));
        Files.writeString(copies.resolve("规章.html"), "<p>规章</p>");
        List<BackupFolder.Source> sources = List.of(new BackupFolder.Source("content", store),
                new BackupFolder.Source("publish-copies", temp.resolve("copies")));
        Path root = Files.createTempDirectory(temp, "set");
        String snapshot = zipped ? "database.zip" : BackupFolder.DATABASE + "/oa.mv.db";
        if (zipped) {
            try (OutputStream out = Files.newOutputStream(root.resolve(snapshot));
                 ZipOutputStream zip = new ZipOutputStream(out)) {
                zip.putNextEntry(new ZipEntry("oa.mv.db"));
                zip.write(database);
                zip.closeEntry();
            }
        } else {
            Files.createDirectories(root.resolve(BackupFolder.DATABASE));
            Files.write(root.resolve(snapshot), database);
        }
        BackupFolder set = new BackupFolder(root);
        List<BackupFolder.Entry> entries = new ArrayList<>();
        for (BackupFolder.Item item : set.listFiles(sources)) {
            entries.add(set.copy(item, sources));
        }
        entries.add(set.entryOf(snapshot));
        if (withKeystore) {
            KeyStore keystore = KeyStore.getInstance("PKCS12");
            keystore.load(null, SERVER_PASSWORD);
            keystore.setEntry("secret-sealing", new KeyStore.SecretKeyEntry(new SecretKeySpec(KEY, "AES")),
                    new KeyStore.PasswordProtection(SERVER_PASSWORD));
            Path keys = temp.resolve("server-keys.p12");
            try (OutputStream out = Files.newOutputStream(keys)) {
                keystore.store(out, SERVER_PASSWORD);
            }
            KeystoreCopy.reencrypt(keys, SERVER_PASSWORD, root.resolve(KeystoreCopy.FILE_NAME), PASSPHRASE, true);
            entries.add(set.entryOf(KeystoreCopy.FILE_NAME));
        }
        set.seal(entries);
        return root;
    }

    @Test
    void aCompleteSetComesBackIntoAnEmptyInstallation() throws Exception {
        Path set = completeSet();
        Restore.Target target = Restore.Target.serverData(temp.resolve("new/data"), null, null);
        List<String> report = Restore.restore(set, target);
        assertEquals("checked 3 files against the manifest", report.get(0));
        assertArrayEquals(database, Files.readAllBytes(target.h2Directory().resolve("oa.mv.db")));
        try (var files = Files.walk(target.contentDirectory())) {
            List<Path> stored = files.filter(Files::isRegularFile).toList();
            assertEquals(1, stored.size());
            assertArrayEquals(content, Files.readAllBytes(stored.get(0)));
        }
        Path copy = target.publishCopiesDirectory().resolve("notices/规章.html");
        assertEquals("<p>规章</p>", Files.readString(copy));
        assertTrue(Files.getPosixFilePermissions(copy).stream().noneMatch(p -> p.name().endsWith("WRITE")),
                "publish-time copies come back read-only: " + Files.getPosixFilePermissions(copy));
    }

    @Test
    void aSetWhoseH2DatabaseIsZippedAsBackupToWroteItComesBackToo() throws Exception {
        Path set = completeSet(false, true);
        Restore.Target target = Restore.Target.serverData(temp.resolve("new/data"), null, null);
        List<String> report = Restore.restore(set, target);
        assertTrue(report.get(1).startsWith("H2 database restored: oa.mv.db"), report.toString());
        assertArrayEquals(database, Files.readAllBytes(target.h2Directory().resolve("oa.mv.db")));
    }

    @Test
    void aSetCarryingTheKeystorePutsItBackUnderTheNewServersPasswordWithTheBackupPassphrase() throws Exception {
        Path set = completeSet(true);
        Restore.Target target = Restore.Target.serverData(temp.resolve("new/data"), null, null);
        Path keys = temp.resolve("new/data/xietong/keys.p12");
        char[] newPassword = "the-new-server-password".toCharArray();
        List<String> report = Restore.restore(set, target, new Restore.KeystoreTarget(keys, PASSPHRASE, newPassword));
        assertTrue(report.get(report.size() - 1).startsWith("server keystore restored into"), report.toString());
        KeyStore restored = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(keys)) {
            restored.load(in, newPassword);
        }
        assertArrayEquals(KEY, restored.getKey("secret-sealing", newPassword).getEncoded());

        Path withoutOption = completeSet(true);
        Restore.Target other = Restore.Target.serverData(temp.resolve("other/data"), null, null);
        List<String> plain = Restore.restore(withoutOption, other);
        assertTrue(plain.get(plain.size() - 1).contains("not restored"), "said, not silently dropped: " + plain);
    }

    @Test
    void aWrongBackupPassphraseRestoresNothing() throws Exception {
        Path set = completeSet(true);
        Restore.Target target = Restore.Target.serverData(temp.resolve("new/data"), null, null);
        Path keys = temp.resolve("new/data/xietong/keys.p12");
        IOException refused = assertThrows(IOException.class, () -> Restore.restore(set, target,
                new Restore.KeystoreTarget(keys, "not the passphrase at all".toCharArray(), "x".toCharArray())));
        assertTrue(refused.getMessage().contains("passphrase"), refused.getMessage());
        assertFalse(Files.exists(target.h2Directory().resolve("oa.mv.db")), "no database restored");
        assertFalse(Files.exists(keys), "no keystore written");
    }

    @Test
    void aSetWithoutItsManifestIsNotRestored() throws Exception {
        Path set = completeSet();
        Files.move(set.resolve(BackupFolder.MANIFEST), set.resolve(BackupFolder.MANIFEST_PART));
        Restore.Target target = Restore.Target.serverData(temp.resolve("new/data"), null, null);
        IOException refused = assertThrows(IOException.class, () -> Restore.restore(set, target));
        assertTrue(refused.getMessage().contains("not a complete backup set"), refused.getMessage());
        assertFalse(Files.exists(target.h2Directory()));
    }

    @Test
    void anInstallationThatHasADatabaseAlreadyIsRefused() throws Exception {
        Path set = completeSet();
        Restore.Target target = Restore.Target.serverData(temp.resolve("new/data"), null, null);
        Files.createDirectories(target.h2Directory());
        Files.writeString(target.h2Directory().resolve("oa.mv.db"), "live data");
        IOException refused = assertThrows(IOException.class, () -> Restore.restore(set, target));
        assertTrue(refused.getMessage().contains("empty installation"), refused.getMessage());
        assertEquals("live data", Files.readString(target.h2Directory().resolve("oa.mv.db")));
    }

    @Test
    void anH2SetIsNotRestoredIntoPostgreSql() throws Exception {
        Path set = completeSet();
        Restore.Target target = Restore.Target.serverData(temp.resolve("new/data"), "postgresql://db/x", "owner");
        IOException refused = assertThrows(IOException.class, () -> Restore.restore(set, target));
        assertTrue(refused.getMessage().contains("H2"), refused.getMessage());
    }
}
