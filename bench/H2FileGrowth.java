import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;

/**
 * How the embedded H2 file grows under many small commits, with the options Xietong's embedded default uses
 * ({@code WRITE_DELAY=0}: every commit written before it returns) and with others for comparison. Each round inserts
 * one row of ~150 characters and updates another, each in its own transaction.
 *
 * <pre>
 * h2=~/.m2/repository/com/h2database/h2/2.2.224/h2-2.2.224.jar
 * java -cp $h2 bench/H2FileGrowth.java WRITE_DELAY=0 40000
 * java -cp $h2 bench/H2FileGrowth.java WRITE_DELAY=1 40000
 * </pre>
 */
public class H2FileGrowth {

    public static void main(String[] args) throws Exception {
        String options = args[0];
        int rounds = Integer.parseInt(args[1]);
        Path dir = Files.createTempDirectory("h2-growth");
        Path file = dir.resolve("db.mv.db");
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("db") + ";" + options, "sa", "")) {
            c.createStatement().execute("create table t (id bigint primary key, v varchar(200), n int)");
            c.createStatement().execute("create index t_n on t (n)");
            c.setAutoCommit(false);
            PreparedStatement insert = c.prepareStatement("insert into t values (?, ?, ?)");
            PreparedStatement update = c.prepareStatement("update t set n = n + 1, v = ? where id = ?");
            long start = System.nanoTime();
            for (int i = 1; i <= rounds; i++) {
                insert.setLong(1, i);
                insert.setString(2, "x".repeat(150));
                insert.setInt(3, i);
                insert.executeUpdate();
                c.commit();
                update.setString(1, "y".repeat(150));
                update.setLong(2, (i + 1) / 2);
                update.executeUpdate();
                c.commit();
                if (i % (rounds / 4) == 0) {
                    System.out.printf("%s: %d commits, file %d MB, %d ms%n", options, 2 * i,
                            Files.size(file) >> 20, (System.nanoTime() - start) / 1_000_000);
                }
            }
        }
        System.out.printf("%s: closed, file %d MB%n", options, Files.size(file) >> 20);
        try (var files = Files.list(dir)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(dir);
    }
}
