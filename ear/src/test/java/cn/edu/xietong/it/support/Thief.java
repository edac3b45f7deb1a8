package cn.edu.xietong.it.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.Driver;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Someone with write access to the database, behind the application's back (B3, S5): the tests that tamper with
 * trails connect as they would. Where the migrations run as a separate owner role (PostgreSQL, XIETONG_DB_OWNER), the
 * application's own role may not rewrite trails, so the thief holds the owner's password; elsewhere the application's
 * datasource is as good as any. Every statement commits at once.
 */
public final class Thief {

    private Thief() {
    }

    /** Whether the database has an owner role apart from the application's (and the application's role is limited). */
    public static boolean ownerRoleApart() {
        String owner = System.getenv("XIETONG_DB_OWNER");
        return owner != null && !owner.isBlank();
    }

    public static Connection connect(DataSource application) throws SQLException {
        if (!ownerRoleApart()) {
            return application.getConnection();
        }
        // the driver is the application datasource's own (a server module the test deployment does not import)
        Driver driver;
        try (Connection probe = application.getConnection()) {
            ClassLoader drivers = probe.getMetaData().getConnection().unwrap(Connection.class).getClass()
                    .getClassLoader();
            driver = (Driver) Class.forName("org.postgresql.Driver", true, drivers).getDeclaredConstructor()
                    .newInstance();
        } catch (ReflectiveOperationException e) {
            throw new SQLException("the PostgreSQL driver cannot be loaded", e);
        }
        Properties credentials = new Properties();
        credentials.setProperty("user", System.getenv("XIETONG_DB_OWNER"));
        credentials.setProperty("password", Optional.ofNullable(System.getenv("XIETONG_DB_OWNER_PASSWORD")).orElse(""));
        return driver.connect(System.getenv("XIETONG_DB_URL"), credentials);
    }

    /** Runs an UPDATE, DELETE or INSERT; how many rows it touched. */
    public static int update(DataSource application, String sql, Object... parameters) throws SQLException {
        try (Connection c = connect(application); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    /** The first row a query finds, column by column (lower-case names). */
    public static Map<String, Object> row(DataSource application, String sql, Object... parameters)
            throws SQLException {
        try (Connection c = connect(application); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                Map<String, Object> row = new LinkedHashMap<>();
                if (rs.next()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i).toLowerCase(java.util.Locale.ROOT), rs.getObject(i));
                    }
                }
                return row;
            }
        }
    }

    /** Puts a row back as {@link #row} read it. */
    public static void insert(DataSource application, String table, Map<String, Object> row) throws SQLException {
        update(application, "insert into " + table + " (" + String.join(", ", row.keySet()) + ") values ("
                + String.join(", ", row.keySet().stream().map(k -> "?").toList()) + ")", row.values().toArray());
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}
