package cn.edu.xietong.operations;

import cn.edu.xietong.files.VirusScanner;
import cn.edu.xietong.mail.OutboxMail;
import cn.edu.xietong.mail.OutboxState;
import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.shared.StartupMode;
import cn.edu.xietong.signing.KeystoreCopy;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import javax.sql.DataSource;

/**
 * What the system administrator's configuration page tells about the running server (O2.1, O2.5): the version and
 * build time (written into the EJB module by the build), the database (product, version, address without secrets), the
 * mail gateway (its SMTP server answers? how many mails wait or failed), the virus scanner (configured? answers? its
 * version) and the server keystore (there? algorithms, made when). Each probe answers within two seconds.
 */
@Stateless
@RolesAllowed("SYS_ADMIN")
public class ServerState {

    private static final int TIMEOUT_MILLIS = 2000;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private HealthChecks health;

    @EJB
    private ServerKeys keys;

    /** The running version and when it was built (null when the build did not say). */
    public record Build(String version, Instant builtAt) implements java.io.Serializable {
    }

    public Build build() {
        Properties build = new Properties();
        try (InputStream in = ServerState.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Instant built;
        try {
            built = Instant.parse(build.getProperty("built", ""));
        } catch (DateTimeParseException e) {
            built = null;
        }
        return new Build(build.getProperty("version", "?"), built);
    }

    /** The state of what the server depends on, line by line. */
    public List<StateItem> state() {
        List<StateItem> items = new ArrayList<>();
        database(items);
        mail(items);
        scanner(items);
        keystore(items);
        return items;
    }

    private void database(List<StateItem> items) {
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            items.add(StateItem.good("state.database", meta.getDatabaseProductName() + " "
                    + meta.getDatabaseProductVersion()));
            items.add(StateItem.good("state.databaseUrl", Setting.withoutSecrets(meta.getURL())));
        } catch (SQLException e) {
            items.add(StateItem.bad("state.database", e.getClass().getSimpleName(), "state.unreachable"));
        }
    }

    private void mail(List<StateItem> items) {
        Health.Check smtp = health.mail();
        items.add(smtp.up() ? StateItem.good("state.mail", smtp.detail())
                : StateItem.bad("state.mail", smtp.detail(), "state.unreachable"));
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        em.createNamedQuery(OutboxMail.COUNT_BY_STATE, Object[].class).getResultList()
                .forEach(row -> counts.put((OutboxState) row[0], (Long) row[1]));
        long waiting = counts.getOrDefault(OutboxState.PENDING, 0L) + counts.getOrDefault(OutboxState.SENDING, 0L);
        long failed = counts.getOrDefault(OutboxState.FAILED, 0L);
        String value = waiting + " / " + failed;
        items.add(failed == 0 ? StateItem.good("state.outbox", value)
                : StateItem.bad("state.outbox", value, "state.outboxFailed"));
    }

    private void scanner(List<StateItem> items) {
        var scanner = VirusScanner.configured();
        if (scanner.isEmpty()) {
            items.add(StartupMode.demo() ? new StateItem("state.scanner", "-", "state.scannerDemo", true)
                    : StateItem.bad("state.scanner", "-", "state.scannerMissing"));
            return;
        }
        var version = scanner.get().version(TIMEOUT_MILLIS);
        items.add(version.map(v -> StateItem.good("state.scanner", scanner.get() + " · " + v))
                .orElseGet(() -> StateItem.bad("state.scanner", scanner.get().toString(), "state.unreachable")));
    }

    private void keystore(List<StateItem> items) {
        ServerKeys.KeystoreState keystore = keys.state();
        if (!keystore.present()) {
            items.add(StateItem.bad("state.keystore", keystore.file(), "state.keystoreMissing"));
            return;
        }
        items.add(StateItem.good("state.keystore", keystore.file()));
        items.add(StateItem.good("state.keystoreKeys", keystore.algorithms() + " · " + keystore.trailKeyId()));
        items.add(StateItem.good("state.keystoreCreated",
                keystore.created() == null ? "?" : keystore.created().toString()));
        try {
            boolean included = KeystoreCopy.passphrase(System::getenv, System::getProperty).isPresent();
            items.add(new StateItem("state.backupKeystore", KeystoreCopy.PASSPHRASE_VARIABLE,
                    included ? "state.backupKeystoreIncluded" : "state.backupKeystoreLeftOut", true));
        } catch (IllegalStateException unusable) {
            items.add(StateItem.bad("state.backupKeystore", unusable.getMessage(), "state.backupPassphraseUnusable"));
        }
    }
}
