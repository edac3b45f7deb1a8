package cn.edu.xietong.it.support;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Someone with write access to the database, behind the application's back (B3, S5): the tests that tamper with
 * trails connect as they would. Where the migrations run as a separate owner role (PostgreSQL, XIETONG_DB_OWNER), the
 * application's own role may not rewrite trails, so the thief holds the owner's password; elsewhere the application's
 * datasource is as good as any.
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
        try {
            Class.forName("org.postgresql.Driver");
        } catch (ClassNotFoundException e) {
            throw new SQLException("the PostgreSQL driver is not visible to the tests", e);
        }
        String password = System.getenv("XIETONG_DB_OWNER_PASSWORD");
        return DriverManager.getConnection(System.getenv("XIETONG_DB_URL"), System.getenv("XIETONG_DB_OWNER"),
                password == null ? "" : password);
    }
}
