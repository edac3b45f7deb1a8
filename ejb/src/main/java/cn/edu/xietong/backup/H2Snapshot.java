package cn.edu.xietong.backup;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The embedded H2 database's consistent snapshot (E3, O2.2) taken as H2's own {@code BACKUP TO} takes it — the store
 * flushed, then, while the file store reuses no space (so every chunk the file's header can lead to stays as it is),
 * the database file copied from its start to its end — but into a plain file hashed on the way rather than into a zip.
 * {@code BACKUP TO} deflates at the default level, which took 70–90 s of a 1.5 GB database file (a year of a
 * university's flows) on the benchmark's machine, and even the fastest level 16 s, where a plain copy of the file takes
 * about 2 s: the backup's throughput goal (at least half a plain copy's, bench/README.md) leaves no room for
 * compression. The set then holds the file at its size; the restore puts it back as it is.
 * <p>
 * H2 has no statement for it, so its public classes are called by reflection ({@code JdbcConnection.getSession()},
 * {@code Database.getStore()}, {@code MVStore.getFileStore()}, {@code FileStore.setReuseSpace}, as
 * {@code BackupCommand} and {@code FileStore.backup} do); where any of them is missing (another H2 version, another
 * pool, a database in memory) the caller falls back to {@code BACKUP TO}.
 */
final class H2Snapshot {

    private static final Logger LOG = Logger.getLogger(H2Snapshot.class.getName());

    private H2Snapshot() {
    }

    /**
     * Copies the database file behind the connection into {@code folder} under its own name ({@code oa.mv.db}), synced.
     *
     * @return the copy's manifest line (path relative to the set, {@code folder} being the set's {@code database/}), or
     * empty (nothing written) when H2's classes are not as expected: take {@code BACKUP TO} instead
     */
    static Optional<BackupFolder.Entry> write(Connection connection, Path folder) throws IOException {
        Object database;
        Object store;
        Object fileStore;
        Path file;
        try {
            Object physical = connection;
            try {
                // WildFly's pooled connection (IronJacamar) wraps H2's own
                physical = call(connection, "getUnderlyingConnection");
            } catch (NoSuchMethodException notPooled) {
                // H2's own connection
            }
            database = call(call(physical, "getSession"), "getDatabase");
            store = call(database, "getStore");
            if (store == null || !database.getClass().getName().equals("org.h2.engine.Database")) {
                return Optional.empty();
            }
            fileStore = call(call(store, "getMvStore"), "getFileStore");
            file = fileOf((String) call(fileStore, "getFileName"));
            if (file == null || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "H2's file copy is not available here; using BACKUP TO: {0}", e.toString());
            return Optional.empty();
        }
        Files.createDirectories(folder);
        Path target = folder.resolve(file.getFileName().toString());
        Path part = folder.resolve(file.getFileName() + ".part");
        try {
            call(store, "flush");
            call(database, "flush");
            String sha256;
            synchronized (call(database, "getLobSyncObject")) {
                boolean reused = (Boolean) call(fileStore, "isSpaceReused");
                fileStore.getClass().getMethod("setReuseSpace", boolean.class).invoke(fileStore, false);
                try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
                    sha256 = BackupFolder.copySynced(in, part);
                } finally {
                    fileStore.getClass().getMethod("setReuseSpace", boolean.class).invoke(fileStore, reused);
                }
            }
            Files.move(part, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            return Optional.of(new BackupFolder.Entry(sha256, folder.getFileName() + "/" + target.getFileName()));
        } catch (InvocationTargetException e) {
            Files.deleteIfExists(part);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("H2's snapshot failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            Files.deleteIfExists(part);
            throw new IOException("H2's snapshot failed: " + e, e);
        }
    }

    /**
     * The database file a file store names: a path, or a path behind H2's file-system prefix ({@code nio:},
     * {@code file:}); null for a store that is not a file on disk ({@code memFS:} and the like).
     */
    static Path fileOf(String name) {
        if (name == null) {
            return null;
        }
        int colon = name.indexOf(':');
        if (colon > 1) {
            String prefix = name.substring(0, colon);
            if (!prefix.equals("file") && !prefix.equals("nio") && !prefix.equals("async")) {
                return null;
            }
            name = name.substring(colon + 1);
        }
        return Path.of(name).toAbsolutePath();
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }
}
