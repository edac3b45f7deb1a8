package cn.edu.xietong.setup;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * V24 (issue #12) moves what the person row held about passwords, sessions, presence and recertification into the
 * tables of the areas that own it: a database at V23 with a person who has all of it keeps every value. The SQL
 * migrations run with Flyway up to V23 (the Java ones, which fill data, are not needed for the schema), a person is
 * written the way V23 stored them, then V24 runs. On H2 always; on PostgreSQL when {@code xietong.test.postgresql.url}
 * (with {@code .user}, {@code .password}) names an empty database.
 */
class PersonSplitMigrationTest {

    private static final Timestamp CREATED = Timestamp.valueOf("2026-01-05 08:00:00");
    private static final Timestamp CHANGED = Timestamp.valueOf("2026-03-01 09:00:00");
    private static final Timestamp EARLIER = Timestamp.valueOf("2026-02-01 09:00:00");
    private static final Timestamp OLDEST = Timestamp.valueOf("2026-01-06 09:00:00");
    private static final Timestamp LOGIN = Timestamp.valueOf("2026-05-02 10:00:00");
    private static final Timestamp SEEN = Timestamp.valueOf("2026-05-02 10:30:00");
    private static final Timestamp CONFIRMED = Timestamp.valueOf("2026-04-01 11:00:00");
    private static final Timestamp REPORTED = Timestamp.valueOf("2026-05-01 12:00:00");

    @Test
    void onH2EveryPersonsPasswordSessionsPresenceAndReviewSurviveV24() throws SQLException {
        String url = "jdbc:h2:mem:v24-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (Connection keepAlive = DriverManager.getConnection(url, "sa", "")) {
            carriesEverythingOver(url, "sa", "", "h2", keepAlive);
        }
    }

    @Test
    @EnabledIfSystemProperty(named = "xietong.test.postgresql.url", matches = ".+")
    void onPostgresqlEveryPersonsPasswordSessionsPresenceAndReviewSurviveV24() throws SQLException {
        String url = System.getProperty("xietong.test.postgresql.url");
        String user = System.getProperty("xietong.test.postgresql.user", "postgres");
        String password = System.getProperty("xietong.test.postgresql.password", "");
        try (Connection connection = DriverManager.getConnection(url, user, password)) {
            carriesEverythingOver(url, user, password, "postgresql", connection);
        }
    }

    private static Flyway flyway(String url, String user, String password, String vendor, String target) {
        return Flyway.configure().dataSource(url, user, password)
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .placeholders(java.util.Map.of("appRole", user))
                .target(target).load();
    }

    private static void carriesEverythingOver(String url, String user, String password, String vendor, Connection db)
            throws SQLException {
        flyway(url, user, password, vendor, "23").migrate();
        try (Statement s = db.createStatement()) {
            s.executeUpdate("insert into org_unit (id, code, name_zh, name_en, kind, version)"
                    + " values (9001, 'V24', '迁移测试', 'Migration test', 'DEPARTMENT', 0)");
        }
        insertPerson(db, 9001, "kept");
        insertPerson(db, 9002, "plain");
        try (PreparedStatement p = db.prepareStatement("update person set password_hash = ?,"
                + " password_changed_at = ?, must_change_password = true, last_login_at = ?, last_seen_at = ?,"
                + " session_marker = 'marker-1', session_epoch = 7, sessions_ended_by = 'PASSWORD_RESET',"
                + " confirmed_at = ?, confirmed_by = 'it', leaver_reported_at = ?, leaver_reported_by = 'it',"
                + " leaver_reason = '调往外校' where id = 9001")) {
            p.setString(1, "$argon2id$current");
            p.setTimestamp(2, CHANGED);
            p.setTimestamp(3, LOGIN);
            p.setTimestamp(4, SEEN);
            p.setTimestamp(5, CONFIRMED);
            p.setTimestamp(6, REPORTED);
            p.executeUpdate();
        }
        try (PreparedStatement p = db.prepareStatement(
                "insert into password_history (person_id, password_hash, changed_at) values (9001, ?, ?)")) {
            p.setString(1, "$argon2id$earlier");
            p.setTimestamp(2, EARLIER);
            p.executeUpdate();
            p.setString(1, "$argon2id$oldest");
            p.setTimestamp(2, OLDEST);
            p.executeUpdate();
        }

        flyway(url, user, password, vendor, "24").migrate();

        assertEquals(List.of(List.of("$argon2id$current", CHANGED, true)),
                rows(db, "select password_hash, password_changed_at, must_change_password from credential"));
        assertEquals(List.of(List.of("$argon2id$earlier", EARLIER), List.of("$argon2id$oldest", OLDEST)),
                rows(db, "select password_hash, changed_at from password_history where person_id = 9001"
                        + " order by changed_at desc"));
        assertEquals(List.of(List.of(LOGIN, "marker-1", 7L, "PASSWORD_RESET")),
                rows(db, "select last_login_at, session_marker, session_epoch, sessions_ended_by from session_record"));
        assertEquals(List.of(List.of(9001L, SEEN)), rows(db, "select person_id, seen_at from last_seen"));
        assertEquals(List.of(List.of(CONFIRMED, "it", REPORTED, "it", "调往外校")),
                rows(db, "select confirmed_at, confirmed_by, leaver_reported_at, leaver_reported_by, leaver_reason"
                        + " from membership_review"));
        assertTrue(rows(db, "select person_id from credential where person_id = 9002").isEmpty(),
                "a person without a password gets no credential, and nothing else that says nothing");
        assertEquals(List.of(List.of("kept"), List.of("plain")), rows(db, "select login from person order by id"));

        assertThrows(SQLException.class, () -> rows(db, "select password_hash from person"),
                "the person row no longer holds a password");
        assertThrows(SQLException.class, () -> rows(db, "select last_seen_at from person"));
        boolean autoCommit = db.getAutoCommit();
        try (Statement s = db.createStatement()) {
            assertThrows(SQLException.class, () -> s.executeUpdate("insert into password_history"
                    + " (person_id, password_hash, changed_at) values (9002, 'x', current_timestamp)"),
                    "the history belongs to a credential");
        }
        if (!autoCommit) {
            db.rollback();
        }
        try (Statement s = db.createStatement()) {
            s.executeUpdate("delete from credential where person_id = 9001");
        }
        assertFalse(!rows(db, "select * from password_history").isEmpty(), "the history goes with its credential");
    }

    private static void insertPerson(Connection db, long id, String login) throws SQLException {
        try (PreparedStatement p = db.prepareStatement("insert into person (id, login, full_name, unit_id, active,"
                + " created_at, confirmed_at, version) values (?, ?, '迁移', 9001, true, ?, ?, 0)")) {
            p.setLong(1, id);
            p.setString(2, login);
            p.setTimestamp(3, CREATED);
            p.setTimestamp(4, CREATED);
            p.executeUpdate();
        }
    }

    private static List<List<Object>> rows(Connection db, String sql) throws SQLException {
        List<List<Object>> rows = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet r = s.executeQuery(sql)) {
            int columns = r.getMetaData().getColumnCount();
            while (r.next()) {
                List<Object> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    Object value = r.getObject(i);
                    row.add(value instanceof Number n && !(value instanceof Long) && n.longValue() == n.doubleValue()
                            ? (Object) n.longValue() : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
