package cn.edu.xietong.backup;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.zip.Deflater;
import java.util.zip.ZipOutputStream;

/**
 * The embedded H2 database's consistent snapshot (E3, O2.2) as H2's own {@code BACKUP TO} takes it — the store
 * flushed, then its file copied into a zip by the file store while it reuses no space — but with the zip written at
 * the deflater's fastest level. {@code BACKUP TO} deflates at the default level, which took 70–90 s of a 1.5 GB
 * database file (a year of a university's flows) on the benchmark's machine, four fifths of the whole backup; the
 * fastest level gives the same zip format, which the restore reads unchanged (bench/README.md, backup benchmark).
 * H2 offers no option for it, so its public classes are called by reflection ({@code JdbcConnection.getSession()},
 * {@code Database.getStore()}, {@code FileStore.backup(ZipOutputStream)}, as {@code BackupCommand} does); where any of
 * them is missing (another H2 version, another pool) the caller falls back to {@code BACKUP TO}.
 */
final class H2Snapshot {

    private static final Logger LOG = Logger.getLogger(H2Snapshot.class.getName());

    private H2Snapshot() {
    }

    /**
     * Writes the snapshot of the database behind the connection to {@code target} (a zip holding {@code <name>.mv.db}).
     *
     * @return false (nothing written) when H2's classes are not as expected: take {@code BACKUP TO} instead
     */
    static boolean write(Connection connection, Path target) throws IOException {
        Object database;
        Object store;
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
                return false;
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "H2's snapshot at the fastest level is not available here; using BACKUP TO: {0}",
                    e.toString());
            return false;
        }
        try {
            call(store, "flush");
            try (OutputStream file = Files.newOutputStream(target, StandardOpenOption.CREATE_NEW,
                    StandardOpenOption.WRITE); ZipOutputStream zip = new ZipOutputStream(
                    new BufferedOutputStream(file, 1 << 20))) {
                zip.setLevel(Deflater.BEST_SPEED);
                call(database, "flush");
                synchronized (call(database, "getLobSyncObject")) {
                    Object fileStore = call(call(store, "getMvStore"), "getFileStore");
                    fileStore.getClass().getMethod("backup", ZipOutputStream.class).invoke(fileStore, zip);
                }
            }
            return true;
        } catch (InvocationTargetException e) {
            Files.deleteIfExists(target);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("H2's snapshot failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            Files.deleteIfExists(target);
            throw new IOException("H2's snapshot failed: " + e, e);
        }
    }

    private static Object call(Object target, String method) throws ReflectiveOperationException {
        return target.getClass().getMethod(method).invoke(target);
    }
}
