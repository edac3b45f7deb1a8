package cn.edu.xietong.setup;

import cn.edu.xietong.shared.StartupMode;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.flywaydb.core.api.output.MigrateResult;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Brings the schema to the newest migration (db/migration) before anything else touches the database. A failure
 * fails the deployment at once, loudly: nothing may run on a schema of unknown shape.
 * <p>
 * JBeret's JDBC job repository creates its own tables in the same schema when the server boots, so the schema is
 * never empty when Flyway first looks: it baselines at version 0, and V1 onwards still run.
 * <p>
 * Every migration is written once for both databases (db/migration) where their SQL agrees. Where it cannot
 * (a column of bytes is {@code blob} on H2 and {@code bytea} on PostgreSQL), each database has its own script of the
 * same version in db/vendor/h2 and db/vendor/postgresql. V15 moved there unchanged, so H2 databases that had applied
 * it from db/migration keep its checksum and validate as before.
 * <p>
 * On PostgreSQL the migrations should run as an owner role, not as the application's role, so that the application
 * may only read and append the audit and trail tables (B3, S5): given {@code XIETONG_DB_OWNER} and
 * {@code XIETONG_DB_OWNER_PASSWORD} (and the database's {@code XIETONG_DB_URL}), Flyway connects as the owner, and
 * the callback db/vendor/postgresql/afterMigrate__application_role.sql grants the application's role (the
 * datasource's user) what it needs and no more. Without them the migrations run as the application's role, as on H2.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    @EJB
    private ServerKeys keys;

    @PostConstruct
    void migrate() {
        String vendor = vendor();
        FluentConfiguration flyway = Flyway.configure(DatabaseMigrator.class.getClassLoader())
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor)
                .javaMigrations(new V13__NameInitials(), new V16__SignedAuditChain(keys), new V21__NamePinyin(),
                        new V22__NotificationCentre())
                .placeholders(Map.of("appRole", applicationRole()))
                .baselineOnMigrate(true)
                .baselineVersion("0");
        Optional<String> owner = StartupMode.setting("xietong.db.owner", "XIETONG_DB_OWNER");
        if (owner.isPresent()) {
            String url = StartupMode.setting("xietong.db.url", "XIETONG_DB_URL").orElseThrow(() ->
                    new IllegalStateException("XIETONG_DB_OWNER is set but XIETONG_DB_URL is not: the owner role "
                            + "needs the database's JDBC URL"));
            String password = StartupMode.secret("XIETONG_DB_OWNER_PASSWORD").map(String::new).orElse("");
            flyway.dataSource(url, owner.get(), password);
            LOG.info(() -> "migrating as the owner role " + owner.get());
        } else {
            flyway.dataSource(dataSource);
        }
        MigrateResult result = flyway.load().migrate();
        LOG.info(() -> "database schema at version " + result.targetSchemaVersion + " ("
                + result.migrationsExecuted + " migrations applied now)");
        if (StartupMode.demo()) {
            refuseUnsafeDemo("postgresql".equals(vendor));
        }
    }

    /** Fails the deployment, loudly, where demo mode would put its published password into real data (S3). */
    private void refuseUnsafeDemo(boolean postgresql) {
        DemoGuard guard;
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement();
             ResultSet units = statement.executeQuery("select count(*) from org_unit");
             Statement second = connection.createStatement();
             ResultSet installed = second.executeQuery("select count(*) from installation where mode = 'DEMO'")) {
            units.next();
            installed.next();
            guard = new DemoGuard(postgresql, Boolean.getBoolean("xietong.demo.allowPostgresql"), units.getLong(1),
                    installed.getLong(1) > 0);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot check the database for demo mode", e);
        }
        guard.refusal().ifPresent(why -> {
            LOG.severe(why);
            throw new IllegalStateException(why);
        });
    }

    /** The folder of this database's own scripts: {@code h2} or {@code postgresql}; any other database is refused. */
    private String vendor() {
        String product;
        try (Connection connection = dataSource.getConnection()) {
            product = connection.getMetaData().getDatabaseProductName();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database to migrate it", e);
        }
        return switch (product.toLowerCase(Locale.ROOT)) {
            case "h2" -> "h2";
            case "postgresql" -> "postgresql";
            default -> throw new IllegalStateException("Xietong runs on H2 or PostgreSQL, not on " + product);
        };
    }

    /** The application's database role: the datasource's user. */
    private String applicationRole() {
        try (Connection connection = dataSource.getConnection()) {
            String user = connection.getMetaData().getUserName();
            return user == null ? "" : user;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot reach the database", e);
        }
    }
}
