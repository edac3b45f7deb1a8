package cn.edu.xietong.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E3, O2.2: H2's snapshot is its database file copied as BACKUP TO copies it (no space reused meanwhile), hashed on the
 * way: the copy opens as a database holding everything committed before it, while writers go on.
 */
class H2SnapshotTest {

    @TempDir
    Path temp;

    @Test
    void theCopiedFileOpensWithEveryRowCommittedBeforeItWhileWritersGoOn() throws Exception {
        String url = "jdbc:h2:file:" + temp.resolve("live/oa") + ";DB_CLOSE_ON_EXIT=FALSE";
        try (Connection live = DriverManager.getConnection(url, "sa", "")) {
            try (Statement ddl = live.createStatement()) {
                ddl.execute("create table note (id int primary key, body varchar(200))");
            }
            try (PreparedStatement insert = live.prepareStatement("insert into note values (?, ?)")) {
                for (int i = 0; i < 5000; i++) {
                    insert.setInt(1, i);
                    insert.setString(2, "备份前的记录 " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            AtomicBoolean writing = new AtomicBoolean(true);
            AtomicInteger next = new AtomicInteger(5000);
            Thread writer = new Thread(() -> {
                try (Connection other = DriverManager.getConnection(url, "sa", "");
                     PreparedStatement insert = other.prepareStatement("insert into note values (?, ?)")) {
                    while (writing.get()) {
                        int id = next.getAndIncrement();
                        insert.setInt(1, id);
                        insert.setString(2, "备份时的记录 " + id);
                        insert.executeUpdate();
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            writer.start();
            BackupFolder.Entry entry;
            try {
                entry = H2Snapshot.write(live, temp.resolve("set/database")).orElseThrow();
            } finally {
                writing.set(false);
                writer.join();
            }
            assertEquals("database/oa.mv.db", entry.path());
            Path copy = temp.resolve("set").resolve(entry.path());
            assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(Files.readAllBytes(copy))), entry.sha256(), "hashed as written");
            assertTrue(next.get() > 5000, "writers went on while the snapshot was taken");

            Path restored = Files.createDirectories(temp.resolve("restored"));
            Files.copy(copy, restored.resolve("oa.mv.db"));
            try (Connection back = DriverManager.getConnection("jdbc:h2:file:" + restored.resolve("oa"), "sa", "");
                 Statement query = back.createStatement();
                 ResultSet rows = query.executeQuery("select count(*), min(id) from note where id < 5000")) {
                assertTrue(rows.next());
                assertEquals(5000, rows.getInt(1), "every row committed before the snapshot");
                assertEquals(0, rows.getInt(2));
            }
        }
    }

    @Test
    void aStoreThatIsNotAFileOnDiskIsNotCopied() {
        assertNull(H2Snapshot.fileOf("memFS:oa.mv.db"));
        assertEquals(Path.of("/srv/oa.mv.db"), H2Snapshot.fileOf("nio:/srv/oa.mv.db"));
        assertEquals(Path.of("/srv/oa.mv.db"), H2Snapshot.fileOf("/srv/oa.mv.db"));
    }
}
