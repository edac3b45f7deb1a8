package cn.edu.xietong.backup;

import cn.edu.xietong.signing.KeystoreCopy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Optional;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Restores a complete backup set into an empty installation (E3, O2.2, O2.3), with the server stopped: every file of
 * the set is first checked against the manifest (nothing is restored from a damaged set), then the database is put
 * back (H2: the database file from {@code database/}, or from {@code database.zip} in older sets; PostgreSQL: {@code pg_restore} of {@code database.dump} into
 * an empty database, as its owner role), then the content store and the publish-time copies. It refuses a target
 * that is not empty: a restore never mixes with what is there. Also a command-line tool, run with the JDK alone:
 * <pre>
 * java -cp xietong-ejb.jar cn.edu.xietong.backup.Restore &lt;set&gt; --server-data &lt;WildFly standalone/data&gt;
 * PGPASSWORD=… java -cp xietong-ejb.jar cn.edu.xietong.backup.Restore &lt;set&gt; --server-data &lt;dir&gt; \
 *     --postgresql postgresql://host:5432/xietong --user xietong_owner
 * XIETONG_BACKUP_PASSPHRASE=… XIETONG_KEYSTORE_PASSWORD=… java -cp … Restore &lt;set&gt; --server-data &lt;dir&gt; --keystore
 * </pre>
 * With {@code --keystore} a set that carries the server keystore ({@link KeystoreCopy}) puts it back too, under the
 * restored server's keystore password.
 */
public final class Restore {

    /**
     * Where to restore: the folder of the H2 database file (null on PostgreSQL), or PostgreSQL's URL and owner role
     * (password: {@code postgresPassword}, else {@code PGPASSWORD} as pg_restore reads it); the content store's and
     * the publish-time copies' folders.
     */
    public record Target(Path h2Directory, String postgresUrl, String postgresUser, Path contentDirectory,
                         Path publishCopiesDirectory, String postgresPassword) {

        /** The layout of a server's data folder with the default settings: {@code <data>/xietong/…}. */
        public static Target serverData(Path data, String postgresUrl, String postgresUser) {
            Path xietong = data.resolve("xietong");
            return new Target(postgresUrl == null ? xietong : null, postgresUrl, postgresUser,
                    xietong.resolve("content"), xietong.resolve("backup"), null);
        }

        /** The same target, restoring into PostgreSQL with this password. */
        public Target withPassword(String password) {
            return new Target(h2Directory, postgresUrl, postgresUser, contentDirectory, publishCopiesDirectory,
                    password);
        }
    }

    private Restore() {
    }

    /**
     * Restores the set. Answers what it did, line by line.
     *
     * @throws IOException when the set is incomplete or damaged, the target is not empty, or a step fails
     */
    public static List<String> restore(Path setDirectory, Target target) throws IOException {
        return restore(setDirectory, target, null);
    }

    /**
     * The passwords that put a set's keystore back ({@link KeystoreCopy}): the backup passphrase it was encrypted with
     * and the password the restored server's keystore is to have ({@code XIETONG_KEYSTORE_PASSWORD}), and where it goes.
     */
    public record KeystoreTarget(Path file, char[] backupPassphrase, char[] keystorePassword) {
    }

    /**
     * Restores the set and, when {@code keystore} is given and the set carries the keystore, the keystore too
     * (refused where one is already). Answers what it did, line by line.
     *
     * @throws IOException when the set is incomplete or damaged, the target is not empty, the passphrase does not
     *                     open the set's keystore, or a step fails
     */
    public static List<String> restore(Path setDirectory, Target target, KeystoreTarget keystore) throws IOException {
        BackupFolder set = new BackupFolder(setDirectory);
        if (!set.complete()) {
            throw new IOException(setDirectory + " is not a complete backup set (no " + BackupFolder.MANIFEST + ")");
        }
        List<BackupFolder.Entry> manifest = set.manifest();
        List<String> problems = new ArrayList<>();
        for (BackupFolder.Entry entry : manifest) {
            set.check(entry).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            throw new IOException("the set fails its manifest, nothing restored:\n" + String.join("\n", problems));
        }
        requireEmpty(target.contentDirectory());
        requireEmpty(target.publishCopiesDirectory());
        List<String> done = new ArrayList<>();
        done.add("checked " + manifest.size() + " files against the manifest");
        boolean setHasKeystore = manifest.stream().anyMatch(e -> e.path().equals(KeystoreCopy.FILE_NAME));
        if (keystore != null) {
            if (!setHasKeystore) {
                throw new IOException("the set carries no keystore (its server had no backup passphrase): put the"
                        + " keystore back from where you keep it");
            }
            if (Files.exists(keystore.file())) {
                throw new IOException(keystore.file() + " exists: a restore goes into an empty installation");
            }
            // before anything is written: a wrong passphrase refuses the whole restore
            KeystoreCopy.open(setDirectory.resolve(KeystoreCopy.FILE_NAME), keystore.backupPassphrase());
        }

        Path zip = setDirectory.resolve("database.zip");
        Path dump = setDirectory.resolve("database.dump");
        Path h2 = setDirectory.resolve(BackupFolder.DATABASE);
        if (Files.isDirectory(h2)) {
            if (target.h2Directory() == null) {
                throw new IOException("the set holds an H2 database: restore it into an H2 installation");
            }
            done.add("H2 database restored: " + copyH2(manifest, setDirectory, target.h2Directory()));
        } else if (Files.isRegularFile(zip)) {
            if (target.h2Directory() == null) {
                throw new IOException("the set holds an H2 database: restore it into an H2 installation");
            }
            done.add("H2 database restored: " + unzipH2(zip, target.h2Directory()));
        } else if (Files.isRegularFile(dump)) {
            if (target.postgresUrl() == null) {
                throw new IOException("the set holds a PostgreSQL dump: give --postgresql and --user");
            }
            pgRestore(dump, target);
            done.add("PostgreSQL database restored into " + target.postgresUrl());
        } else {
            throw new IOException("the set holds no database snapshot");
        }

        int content = 0;
        int copies = 0;
        String contentPrefix = BackupFolder.FILES + "/content/";
        String copiesPrefix = BackupFolder.FILES + "/publish-copies/";
        for (BackupFolder.Entry entry : manifest) {
            Path from = setDirectory.resolve(entry.path());
            if (entry.path().startsWith(contentPrefix)) {
                copy(from, target.contentDirectory(), entry.path().substring(contentPrefix.length()), false);
                content++;
            } else if (entry.path().startsWith(copiesPrefix)) {
                copy(from, target.publishCopiesDirectory(), entry.path().substring(copiesPrefix.length()), true);
                copies++;
            }
        }
        done.add(content + " stored contents restored into " + target.contentDirectory());
        done.add(copies + " publish-time copies restored into " + target.publishCopiesDirectory());
        if (keystore != null) {
            KeystoreCopy.reencrypt(setDirectory.resolve(KeystoreCopy.FILE_NAME), keystore.backupPassphrase(),
                    keystore.file(), keystore.keystorePassword(), false);
            done.add("server keystore restored into " + keystore.file() + " (under XIETONG_KEYSTORE_PASSWORD)");
        } else if (setHasKeystore) {
            done.add("the set carries the server keystore, not restored: give " + KeystoreCopy.PASSPHRASE_VARIABLE
                    + " and XIETONG_KEYSTORE_PASSWORD with --keystore to restore it");
        }
        return done;
    }

    private static void requireEmpty(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> entries = Files.list(directory)) {
                if (entries.findAny().isPresent()) {
                    throw new IOException(directory + " is not empty: a restore goes into an empty installation");
                }
            }
        }
    }

    /** The H2 database file(s) of {@code BACKUP TO}'s zip, into the folder (where none may be yet). */
    /** The database files the manifest lists under {@code database/}, copied as they are. */
    private static String copyH2(List<BackupFolder.Entry> manifest, Path setDirectory, Path directory)
            throws IOException {
        Files.createDirectories(directory);
        List<String> names = new ArrayList<>();
        String prefix = BackupFolder.DATABASE + "/";
        for (BackupFolder.Entry entry : manifest) {
            if (entry.path().startsWith(prefix)) {
                String name = entry.path().substring(prefix.length());
                Path target = directory.resolve(name).normalize();
                if (name.contains("/") || !target.getParent().equals(directory.normalize())) {
                    throw new IOException("unexpected database file " + entry.path());
                }
                if (Files.exists(target)) {
                    throw new IOException(target + " exists: a restore goes into an empty installation");
                }
                Files.copy(setDirectory.resolve(entry.path()), target);
                names.add(name);
            }
        }
        if (names.isEmpty()) {
            throw new IOException("the set's manifest lists no database file");
        }
        return String.join(", ", names) + " in " + directory;
    }

    private static String unzipH2(Path zip, Path directory) throws IOException {
        Files.createDirectories(directory);
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                Path target = directory.resolve(entry.getName()).normalize();
                if (entry.isDirectory() || !target.getParent().equals(directory.normalize())) {
                    throw new IOException("unexpected entry " + entry.getName() + " in " + zip);
                }
                if (Files.exists(target)) {
                    throw new IOException(target + " exists: a restore goes into an empty installation");
                }
                Files.copy(in, target);
                names.add(entry.getName());
            }
        }
        return String.join(", ", names) + " in " + directory;
    }

    private static void pgRestore(Path dump, Target target) throws IOException {
        Path log = Files.createTempFile("pg_restore-", ".log");
        ProcessBuilder restore = new ProcessBuilder(System.getProperty("xietong.pgRestore", "pg_restore"),
                "--exit-on-error", "--no-password", "--no-owner", "--single-transaction",
                "--username=" + target.postgresUser(), "--dbname=" + target.postgresUrl().replaceFirst("^jdbc:", ""),
                dump.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (target.postgresPassword() != null) {
            // to pg_restore in its environment, never on its command line
            restore.environment().put("PGPASSWORD", target.postgresPassword());
        }
        try {
            Process process = restore.start();
            if (!process.waitFor(6, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new IOException("pg_restore did not finish within 6 hours");
            }
            if (process.exitValue() != 0) {
                throw new IOException("pg_restore failed (" + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pg_restore ran", e);
        } finally {
            Files.deleteIfExists(log);
        }
    }

    private static void copy(Path from, Path root, String relative, boolean readOnly) throws IOException {
        Path to = root.resolve(relative).normalize();
        if (!to.startsWith(root.normalize())) {
            throw new IOException(relative + " lies outside " + root);
        }
        Files.createDirectories(to.getParent());
        try (InputStream in = Files.newInputStream(from)) {
            Files.copy(in, to);
        }
        if (readOnly) {
            // as the backup store keeps them: written once, read-only
            to.toFile().setWritable(false, false);
        }
    }

    /** The command line: {@code <set> --server-data <dir> [--postgresql <url> --user <owner>]}. */
    public static void main(String[] args) throws IOException {
        Path set = null;
        Path data = null;
        String url = null;
        String user = null;
        boolean withKeystore = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--keystore" -> withKeystore = true;
                case "--server-data" -> data = Path.of(args[++i]);
                case "--postgresql" -> url = args[++i];
                case "--user" -> user = args[++i];
                default -> set = Path.of(args[i]);
            }
        }
        if (set == null || data == null || (url != null && user == null)) {
            System.err.println("usage: Restore <backup set> --server-data <WildFly standalone/data>"
                    + " [--postgresql postgresql://host:5432/db --user <owner role>]  (password in PGPASSWORD)"
                    + " [--keystore]  (with XIETONG_BACKUP_PASSPHRASE and XIETONG_KEYSTORE_PASSWORD)");
            System.exit(2);
        }
        KeystoreTarget keystore = null;
        if (withKeystore) {
            Optional<char[]> passphrase = KeystoreCopy.passphrase(System::getenv, System::getProperty);
            String password = System.getenv("XIETONG_KEYSTORE_PASSWORD");
            if (passphrase.isEmpty() || password == null || password.isEmpty()) {
                System.err.println("--keystore needs " + KeystoreCopy.PASSPHRASE_VARIABLE
                        + " (the backup passphrase) and XIETONG_KEYSTORE_PASSWORD (the restored server's) set");
                System.exit(2);
            }
            keystore = new KeystoreTarget(data.resolve("xietong").resolve("keys.p12"), passphrase.get(),
                    password.toCharArray());
        }
        try {
            restore(set, Target.serverData(data, url, user), keystore).forEach(System.out::println);
        } catch (IOException e) {
            System.err.println("restore refused or failed: " + e.getMessage());
            System.exit(1);
        }
    }
}
