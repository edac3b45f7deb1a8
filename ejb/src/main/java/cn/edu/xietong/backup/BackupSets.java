package cn.edu.xietong.backup;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.shared.BackupStore;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.ServerFiles;
import cn.edu.xietong.shared.StartupMode;
import cn.edu.xietong.signing.KeystoreCopy;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The weekly backup's sets (E3, O2.2), step by step as the backup and verification jobs call them: a set is begun for a
 * job instance and the files to copy listed ({@link #begin}, {@link #listFiles}); then, side by side, the database's
 * consistent snapshot is taken ({@link #snapshot}, which then lists the files stored meanwhile) and the listed files
 * copied ({@link BackupFolder#copy}, by the job's chunk step); the late files are copied; the manifest is sealed and
 * older generations pruned ({@link #seal}); a verification re-reads every file of a set against its manifest
 * ({@link #verified}).
 * <p>
 * The database's snapshot: H2's online, consistent copy of the database file, taken as {@code BACKUP TO} takes it but
 * not compressed ({@link H2Snapshot}); PostgreSQL
 * {@code pg_dump --format=custom} (one transaction's snapshot), run as the owner role when
 * {@code XIETONG_DB_OWNER} is given (it reads every table), else as the application's role. The files are the document
 * content store and the publish-time copies (E1); both are written once and never changed, so copying them beside the
 * snapshot is consistent with it as long as every file stored until the snapshot ends is taken too. The search index is not taken (every server rebuilds it from the database). The
 * server's keystore is taken only when the server has a backup passphrase, and then re-encrypted with it
 * ({@link KeystoreCopy}, which says why). Sets lie under {@code -Dxietong.backupSets.dir} (default
 * {@code <server data>/xietong/backup-sets}; on a cluster, a directory every server mounts); the newest
 * {@link Setting#BACKUP_GENERATIONS} (default 4) complete sets are kept.
 */
@Stateless
@RolesAllowed({"BATCH_OPERATOR", "SYS_ADMIN"})
public class BackupSets {

    public static final String DIRECTORY = "xietong.backupSets.dir";
    public static final String GENERATIONS = "xietong.backup.generations";

    private static final DateTimeFormatter SET_NAME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    @EJB
    private OfficeClock clock;

    @EJB
    private AuditTrail audit;

    @EJB
    private Settings settings;

    @EJB
    private ServerKeys keys;

    public static Path directory() {
        return ServerFiles.located(DIRECTORY, "backup-sets");
    }

    /** What a set copies besides the database: the content store and the publish-time copies. */
    public static List<BackupFolder.Source> sources() {
        return List.of(new BackupFolder.Source("content", ContentStore.directory()),
                new BackupFolder.Source("publish-copies", BackupStore.directory()));
    }

    /** Complete sets kept ({@link Setting#BACKUP_GENERATIONS}, changed on the configuration page). */
    public int generations() {
        return settings.integer(Setting.BACKUP_GENERATIONS);
    }

    /** The set of a job instance: the one a restart continues, or a new one. */
    public BackupSet begin(long jobInstanceId, String startedBy) {
        Optional<BackupSet> existing = byInstance(jobInstanceId);
        if (existing.isPresent()) {
            return existing.get();
        }
        var now = clock.now();
        Path dir = directory().resolve(SET_NAME.format(now.atZone(ZoneId.of("Asia/Shanghai"))) + "-i" + jobInstanceId);
        try {
            Files.createDirectories(dir);
            ownerOnly(directory());
            ownerOnly(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the backup set " + dir, e);
        }
        BackupSet set = new BackupSet(jobInstanceId, startedBy, now, dir);
        em.persist(set);
        return set;
    }

    /**
     * A set holds the whole database: its folder (and the folder of sets) is the server account's alone (rwx------)
     * where the file system has POSIX permissions.
     */
    private static void ownerOnly(Path folder) throws IOException {
        if (folder.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(folder, java.nio.file.attribute.PosixFilePermissions.fromString("rwx------"));
        }
    }

    public Optional<BackupSet> byInstance(long jobInstanceId) {
        return em.createNamedQuery(BackupSet.BY_INSTANCE, BackupSet.class).setParameter("instance", jobInstanceId)
                .getResultStream().findFirst();
    }

    public Optional<BackupSet> find(long id) {
        return Optional.ofNullable(em.find(BackupSet.class, id));
    }

    /** A set as the jobs page lists it. */
    public record Line(long id, String name, String state, java.time.Instant finishedAt, int files, long bytes,
                       String database, java.time.Instant verifiedAt, Integer problems, String report) {
    }

    /** The sets for the jobs page, newest first (at most {@code max}). */
    public List<Line> overview(int max) {
        return list(max).stream().map(s -> new Line(s.getId(), Path.of(s.getDirectory()).getFileName().toString(),
                s.getState().name(), s.getFinishedAt(), s.getFileCount(), s.getTotalBytes(), s.getDatabaseKind(),
                s.getVerifiedAt(), s.getVerifyProblems(), s.getVerifyReport())).toList();
    }

    /** Every set, newest first (at most {@code max}). */
    public List<BackupSet> list(int max) {
        return em.createNamedQuery(BackupSet.NEWEST_FIRST, BackupSet.class).setMaxResults(max).getResultList();
    }

    /** The newest complete set. */
    public Optional<BackupSet> newestComplete() {
        return em.createNamedQuery(BackupSet.IN_STATE, BackupSet.class).setParameter("state", BackupSet.State.COMPLETE)
                .setMaxResults(1).getResultStream().findFirst();
    }

    /**
     * Fixes the files the set copies beside the snapshot ({@code files.list}). Repeated whole by a restart that had
     * not finished it.
     */
    public BackupSet listFiles(long setId) {
        BackupSet set = em.find(BackupSet.class, setId);
        try {
            List<BackupFolder.Item> items = set.folder().listFiles(sources());
            set.filesListed(items.size(), items.stream().mapToLong(BackupFolder.Item::size).sum());
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException("the backup set " + set.getDirectory() + " could not be written", e);
        }
    }

    /**
     * Takes the database's snapshot into the set, records its hash, then lists the files stored while it was taken
     * ({@code files-late.list}: the snapshot may refer to them). Runs whole or again whole: a restarted job repeats it
     * only if it had not finished.
     */
    public BackupSet snapshot(long setId) {
        BackupSet set = em.find(BackupSet.class, setId);
        BackupFolder folder = set.folder();
        try {
            String kind;
            try (Connection connection = dataSource.getConnection()) {
                kind = connection.getMetaData().getDatabaseProductName();
            }
            BackupFolder.Entry snapshot;
            if (kind.toLowerCase(Locale.ROOT).contains("h2")) {
                snapshot = snapshotH2(folder);
            } else if (kind.toLowerCase(Locale.ROOT).contains("postgresql")) {
                snapshotPostgreSql(folder.root().resolve("database.dump"));
                snapshot = synced(folder, "database.dump");
            } else {
                throw new IllegalStateException("no snapshot for a database of kind " + kind);
            }
            folder.recordSnapshot(snapshot);
            Path keystore = folder.root().resolve(KeystoreCopy.FILE_NAME);
            Files.deleteIfExists(keystore);
            Optional<char[]> passphrase = KeystoreCopy.passphrase(System::getenv, System::getProperty);
            if (passphrase.isPresent()) {
                try {
                    keys.copyForBackup(keystore, passphrase.get());
                } finally {
                    KeystoreCopy.forget(passphrase.get());
                }
            }
            folder.listLateFiles(sources());
            List<BackupFolder.Item> items = folder.items();
            set.snapshotTaken(kind, snapshot.path(), items.size(),
                    items.stream().mapToLong(BackupFolder.Item::size).sum());
            return set;
        } catch (IOException e) {
            throw new UncheckedIOException("the backup set " + set.getDirectory() + " could not be written", e);
        } catch (SQLException e) {
            throw new IllegalStateException("the database's snapshot failed: " + e.getMessage(), e);
        }
    }

    /**
     * H2's database file copied as {@code BACKUP TO} copies it ({@link H2Snapshot}), hashed on the way; else H2's own
     * {@code BACKUP TO} into {@code database.zip}.
     */
    private BackupFolder.Entry snapshotH2(BackupFolder folder) throws SQLException, IOException {
        Path zip = folder.root().resolve("database.zip");
        Files.deleteIfExists(zip);
        try (Connection connection = dataSource.getConnection()) {
            Optional<BackupFolder.Entry> copied = H2Snapshot.write(connection,
                    folder.root().resolve(BackupFolder.DATABASE));
            if (copied.isPresent()) {
                return copied.get();
            }
            try (Statement statement = connection.createStatement()) {
                // BACKUP TO takes a literal, not a parameter: the path is the server's own setting, quotes doubled
                statement.execute("BACKUP TO '" + zip.toAbsolutePath().toString().replace("'", "''") + "'");
            }
        }
        return synced(folder, zip.getFileName().toString());
    }

    /**
     * A snapshot file written by another (BACKUP TO, pg_dump) put on disk and hashed: a crash must not leave a complete
     * set with a torn snapshot.
     */
    private static BackupFolder.Entry synced(BackupFolder folder, String file) throws IOException {
        try (FileChannel snapshot = FileChannel.open(folder.root().resolve(file), StandardOpenOption.WRITE)) {
            snapshot.force(true);
        }
        return folder.entryOf(file);
    }

    /**
     * pg_dump as the owner role cannot read what another role owns: JBeret's job repository, whose tables the
     * application's role creates when the server boots. Those are left out (named in the set's pg_dump.log); a restored
     * installation starts its job history afresh, JBeret creating the tables again.
     */
    private List<String> ownedByOthers(String owner) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             java.sql.PreparedStatement query = connection.prepareStatement("select c.relname from pg_class c"
                     + " where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'S', 'v', 'm')"
                     + " and pg_get_userbyid(c.relowner) <> ? order by c.relname")) {
            query.setString(1, owner);
            try (java.sql.ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    names.add(rows.getString(1));
                }
            }
        }
        return names;
    }

    private void snapshotPostgreSql(Path target) throws IOException, SQLException {
        String url = StartupMode.setting("xietong.db.url", "XIETONG_DB_URL")
                .orElse("jdbc:postgresql://localhost:5432/xietong");
        Optional<String> owner = StartupMode.setting("xietong.db.owner", "XIETONG_DB_OWNER");
        String user = owner.orElseGet(() -> StartupMode.setting("xietong.db.user", "XIETONG_DB_USER")
                .orElse("xietong"));
        char[] password = StartupMode.secret(owner.isPresent() ? "XIETONG_DB_OWNER_PASSWORD" : "XIETONG_DB_PASSWORD")
                .orElse(new char[0]);
        Files.deleteIfExists(target);
        Path log = target.resolveSibling("pg_dump.log");
        List<String> command = new ArrayList<>(List.of(System.getProperty("xietong.pgDump", "pg_dump"),
                "--format=custom", "--no-password", "--username=" + user, "--file=" + target.toAbsolutePath(),
                "--dbname=" + url.replaceFirst("^jdbc:", "")));
        List<String> excluded = owner.isPresent() ? ownedByOthers(user) : List.of();
        excluded.forEach(name -> command.add("--exclude-table=public." + quoted(name)));
        Files.writeString(log, excluded.isEmpty() ? "" : "not taken (owned by another role than " + user + "): "
                + String.join(", ", excluded) + "\n", StandardCharsets.UTF_8);
        ProcessBuilder dump = new ProcessBuilder(command)
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        // the password goes to pg_dump in its environment, never on its command line
        dump.environment().put("PGPASSWORD", new String(password));
        java.util.Arrays.fill(password, '\0');
        try {
            Process process = dump.start();
            if (!process.waitFor(6, TimeUnit.HOURS)) {
                process.destroyForcibly();
                throw new IOException("pg_dump did not finish within 6 hours");
            }
            if (process.exitValue() != 0) {
                throw new IOException("pg_dump failed (" + process.exitValue() + "): "
                        + Files.readString(log, StandardCharsets.UTF_8).strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while pg_dump ran", e);
        }
    }

    /** A name as a pg_dump pattern matching only itself (quoted; a double quote doubled). */
    private static String quoted(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /**
     * Completes the set: the database's snapshot joins the manifest, which is sealed; then only the newest
     * {@link #generations()} complete sets are kept (older ones, and sets left unfinished before the newest complete
     * one, are deleted). Recorded in the audit trail.
     */
    public BackupSet seal(long setId, String login) {
        BackupSet set = em.find(BackupSet.class, setId);
        BackupFolder folder = set.folder();
        List<String> pruned = new ArrayList<>();
        boolean withKeystore = Files.isRegularFile(folder.root().resolve(KeystoreCopy.FILE_NAME));
        try {
            Optional<BackupFolder.Entry> recorded = folder.snapshotEntry();
            List<BackupFolder.Entry> own = new ArrayList<>(List.of(recorded.isPresent() ? recorded.get()
                    : folder.entryOf(set.getDatabaseFile())));
            if (withKeystore) {
                own.add(folder.entryOf(KeystoreCopy.FILE_NAME));
            }
            set.sealed(folder.seal(own), clock.now());
            List<BackupSet> newest = list(Integer.MAX_VALUE);
            int complete = 0;
            int keep = generations();
            for (BackupSet older : newest) {
                if (older.getState() == BackupSet.State.COMPLETE && ++complete > keep) {
                    older.folder().delete();
                    older.pruned();
                    pruned.add(older.getDirectory());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the backup set " + set.getDirectory() + " could not be sealed", e);
        }
        audit.record(AuditEvent.BACKUP, AuditOutcome.SUCCESS, login, null, "backup set " + set.getDirectory() + ": "
                + set.getFileCount() + " files, " + set.getTotalBytes() + " B, database " + set.getDatabaseFile()
                + (withKeystore ? ", keystore encrypted with the backup passphrase" : ", without the keystore")
                + ", manifest sha256=" + set.getManifestSha256()
                + (pruned.isEmpty() ? "" : "; older generations deleted: " + String.join(", ", pruned)));
        return set;
    }

    /** Records a verification of a complete set: how many files failed and which. */
    public BackupSet verified(long setId, List<String> problems, String login) {
        BackupSet set = em.find(BackupSet.class, setId);
        set.verified(clock.now(), problems.size(), String.join("\n", problems));
        audit.record(AuditEvent.BACKUP_VERIFY, problems.isEmpty() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE,
                login, null, "backup set " + set.getDirectory() + ": " + problems.size() + " of "
                        + (set.getFileCount() + 1) + " files failed the check");
        return set;
    }
}
