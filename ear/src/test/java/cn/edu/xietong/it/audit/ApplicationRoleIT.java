package cn.edu.xietong.it.audit;

import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * B3, S5: on PostgreSQL, where the migrations run as an owner role (XIETONG_DB_OWNER), the application's own role —
 * the password every server holds — can read and append the audit trail and the flows' signed trails, but neither
 * rewrite nor cut them. Runs where that setup is in force (CI's PostgreSQL run), after the deployment has migrated.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfEnvironmentVariable(named = "XIETONG_DB_OWNER", matches = ".+")
class ApplicationRoleIT {

    private static Connection asTheApplication() throws SQLException {
        String password = System.getenv("XIETONG_DB_PASSWORD");
        return DriverManager.getConnection(System.getenv("XIETONG_DB_URL"), System.getenv("XIETONG_DB_USER"),
                password == null ? "" : password);
    }

    @Test
    void theApplicationsOwnRoleCanNeitherRewriteNorCutATrail() throws SQLException {
        try (Connection c = asTheApplication(); Statement s = c.createStatement()) {
            s.executeQuery("select count(*) from audit_record").close(); // reading is allowed
            for (String sql : List.of("update audit_record set detail = 'x' where seq = 1",
                    "delete from audit_record where seq = 1", "truncate audit_record",
                    "update flow_action set opinion = 'x' where seq = 1", "delete from flow_action where seq = 1",
                    "delete from audit_chain_head")) {
                SQLException refused = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("42501", refused.getSQLState(), sql + ": permission denied, not " + refused.getMessage());
            }
        }
    }
}
