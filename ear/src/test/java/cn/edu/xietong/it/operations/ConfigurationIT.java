package cn.edu.xietong.it.operations;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.configuration.Configuration;
import cn.edu.xietong.operations.ServerState;
import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.SettingLine;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.operations.StateItem;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O2.1: the system administrator changes a run-time setting; a bad value is refused with a message and changes
 * nothing; a good one is stored for every server, audited before → after and read by the services at once; start-up
 * settings are shown, never changed; nobody else may change or even list them. Each test puts back what it changed.
 */
@ExtendWith(ArquillianExtension.class)
class ConfigurationIT {

    private static final String PASSWORD = "Configuration-IT-2026";

    @EJB
    private TestData data;

    @EJB
    private Configuration configuration;

    @EJB
    private Settings settings;

    @EJB
    private ServerState server;

    @EJB
    private FileStore files;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private Person admin() {
        return data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
    }

    private static String refusal(Exception e) {
        return e instanceof DomainException d ? d.messageKey() : e.toString();
    }

    @Test
    void aBadValueIsRefusedWithItsReasonAndChangesNothing() throws Exception {
        Person admin = admin();
        String hours = Setting.DOWNLOAD_HOURS.property();
        long before = settings.number(Setting.DOWNLOAD_HOURS);
        assertEquals("setting.outOfRange", refusal(assertThrows(Exception.class,
                () -> AsPerson.call(admin, () -> configuration.change(hours, "0")))));
        assertEquals("setting.outOfRange", refusal(assertThrows(Exception.class,
                () -> AsPerson.call(admin, () -> configuration.change(hours, "721")))));
        assertEquals("setting.notANumber", refusal(assertThrows(Exception.class,
                () -> AsPerson.call(admin, () -> configuration.change(hours, "一天")))));
        assertEquals("setting.badCode", refusal(assertThrows(Exception.class, () -> AsPerson.call(admin,
                () -> configuration.change(Setting.DOWNLOAD_DESIGN.property(), "下载 审批")))));
        assertEquals(before, settings.number(Setting.DOWNLOAD_HOURS));
        assertEquals(SettingLine.Source.DEFAULT, AsPerson.call(admin, () -> configuration.setting(hours)).source());
        assertTrue(data.audits(AuditEvent.SETTING_CHANGE, admin.getLogin()).isEmpty(), "nothing audited");
    }

    @Test
    void theMailGatewaysFirstPauseMayNotOutgrowItsLongest() throws Exception {
        Person admin = admin();
        String base = Setting.MAIL_RETRY_BASE_SECONDS.property();
        try {
            AsPerson.call(admin, () -> configuration.change(base, "600"));
            assertEquals("setting.retryOrder", refusal(assertThrows(Exception.class, () -> AsPerson.call(admin,
                    () -> configuration.change(Setting.MAIL_RETRY_CAP_SECONDS.property(), "300")))));
            assertEquals(3600, settings.number(Setting.MAIL_RETRY_CAP_SECONDS));
        } finally {
            AsPerson.call(admin, () -> configuration.reset(base));
        }
    }

    @Test
    void aStartupSettingIsShownButNeverChangedHere() throws Exception {
        Person admin = admin();
        List<SettingLine> all = AsPerson.call(admin, () -> configuration.settings());
        SettingLine content = all.stream().filter(l -> l.property().equals("xietong.content.dir")).findFirst()
                .orElseThrow();
        assertFalse(content.runtime());
        assertEquals("setting.startupOnly", refusal(assertThrows(Exception.class,
                () -> AsPerson.call(admin, () -> configuration.change("xietong.content.dir", "/tmp/elsewhere")))));
        assertEquals("setting.unknown", refusal(assertThrows(Exception.class,
                () -> AsPerson.call(admin, () -> configuration.change("xietong.nothing", "1")))));
    }

    @Test
    void aChangeIsStoredAuditedBeforeAndAfterAndReadByTheServicesAtOnce() throws Exception {
        Person admin = admin();
        Person staff = data.personIn(data.unit(), PASSWORD, cheap, Role.STAFF);
        String limit = Setting.UPLOAD_MAX_BYTES.property();
        long before = AsPerson.call(staff, () -> files.maxBytes());
        long changed = before - 1024 * 1024;
        try {
            SettingLine line = AsPerson.call(admin, () -> configuration.change(limit, " " + changed + " "));
            assertEquals(Long.toString(changed), line.value());
            assertEquals(SettingLine.Source.CHANGED_HERE, line.source());
            assertEquals(admin.getLogin(), line.changedBy());
            assertNotNull(line.changedAt());
            assertEquals(changed, settings.number(Setting.UPLOAD_MAX_BYTES));
            assertEquals(changed, AsPerson.call(staff, () -> files.maxBytes()), "the attachment service reads it");

            List<AuditRecord> audited = data.audits(AuditEvent.SETTING_CHANGE, admin.getLogin());
            assertEquals(1, audited.size());
            assertEquals("setting " + limit + ": " + before + " -> " + changed, audited.get(0).getDetail());
        } finally {
            AsPerson.call(admin, () -> configuration.reset(limit));
        }
        assertEquals(before, AsPerson.call(staff, () -> files.maxBytes()), "back to the start-up value");
        List<AuditRecord> audited = data.audits(AuditEvent.SETTING_CHANGE, admin.getLogin());
        assertEquals(2, audited.size());
        assertTrue(audited.get(0).getDetail().startsWith("setting " + limit + ": " + changed + " -> " + before),
                audited.get(0).getDetail());
    }

    @Test
    void onlyTheSystemAdministratorListsOrChangesSettingsAndSeesTheServerState() throws Exception {
        Person staff = data.personIn(data.unit(), PASSWORD, cheap, Role.STAFF);
        Person security = data.personIn(data.unit(), PASSWORD, cheap, Role.SECURITY_ADMIN);
        String hours = Setting.DOWNLOAD_HOURS.property();
        assertThrows(EJBAccessException.class, () -> AsPerson.call(staff, () -> configuration.change(hours, "48")));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(security, () -> configuration.change(hours, "48")));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(staff, () -> configuration.settings()));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(staff, () -> server.state()));
        assertEquals(24, settings.number(Setting.DOWNLOAD_HOURS), "nothing changed");
    }

    @Test
    void theServerStateNamesVersionBuildDatabaseAndKeystoreWithoutSecrets() throws Exception {
        Person admin = admin();
        ServerState.Build build = AsPerson.call(admin, () -> server.build());
        assertNotEquals("?", build.version());
        assertFalse(build.version().contains("${"), "the build filled the version in");
        assertNotNull(build.builtAt());
        List<StateItem> state = AsPerson.call(admin, () -> server.state());
        StateItem database = item(state, "state.database");
        assertTrue(database.ok() && (database.value().startsWith("H2") || database.value().startsWith("PostgreSQL")),
                database.toString());
        assertFalse(item(state, "state.databaseUrl").value().toLowerCase().matches(".*password=(?!\\*\\*\\*).*"));
        assertTrue(item(state, "state.keystore").ok());
        assertTrue(item(state, "state.keystoreKeys").value().contains("Ed25519"));
        assertNotNull(item(state, "state.scanner"));
        assertNotNull(item(state, "state.mail"));
    }

    private static StateItem item(List<StateItem> state, String key) {
        return state.stream().filter(i -> i.labelKey().equals(key)).findFirst().orElseThrow(() -> new AssertionError(
                key + " in " + state));
    }
}
