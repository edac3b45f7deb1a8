package cn.edu.xietong.configuration;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The settings as the system administrator sees and changes them (O2.1). A change is checked against the catalogue
 * ({@link Setting#checked}: type and range), stored as an override for every server, and audited with the value before
 * and after (S5); a refused value changes nothing. Putting a setting back takes its override away, so the system
 * property or the default holds again.
 */
@Stateless
@RolesAllowed("SYS_ADMIN")
public class Configuration {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Settings settings;

    @EJB
    private AuditTrail audit;

    @EJB
    private OfficeClock clock;

    @Resource
    private SessionContext context;

    /** Every setting of the catalogue, run-time ones first, with the value in force and where it comes from. */
    public List<SettingLine> settings() {
        return Arrays.stream(Setting.values()).map(this::line).toList();
    }

    public SettingLine setting(String property) {
        return line(Setting.of(property));
    }

    /**
     * Changes a run-time setting for every server.
     *
     * @throws DomainException {@code setting.unknown}, {@code setting.startupOnly}, {@code setting.notANumber},
     *                         {@code setting.outOfRange}, {@code setting.badCode} or {@code setting.retryOrder};
     *                         nothing is changed then
     */
    public SettingLine change(String property, String value) {
        Setting setting = Setting.of(property);
        String checked = setting.checked(value);
        keepsRetryOrder(setting, Long.parseLong(setting.type() == Setting.Type.NUMBER ? checked : "0"));
        String before = settings.text(setting);
        SettingOverride override = em.find(SettingOverride.class, setting.property(), LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.now();
        if (override == null) {
            em.persist(new SettingOverride(setting, checked, now, caller()));
        } else {
            override.change(checked, now, caller());
        }
        em.flush();
        audit.record(AuditEvent.SETTING_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                "setting " + setting.property() + ": " + before + " -> " + checked);
        return line(setting);
    }

    /** Takes the administrator's value away: the system property, else the default, holds again. */
    public SettingLine reset(String property) {
        Setting setting = Setting.of(property);
        SettingOverride override = em.find(SettingOverride.class, setting.property(), LockModeType.PESSIMISTIC_WRITE);
        if (override != null) {
            String before = override.getValue();
            em.remove(override);
            em.flush();
            audit.record(AuditEvent.SETTING_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                    "setting " + setting.property() + ": " + before + " -> " + settings.text(setting)
                            + " (back to " + (setting.fromSystemProperty() != null ? "the system property" : "the default")
                            + ")");
        }
        return line(setting);
    }

    /** The mail gateway's first pause may not be longer than its longest one. */
    private void keepsRetryOrder(Setting setting, long value) {
        boolean crossed = setting == Setting.MAIL_RETRY_BASE_SECONDS
                && value > settings.number(Setting.MAIL_RETRY_CAP_SECONDS)
                || setting == Setting.MAIL_RETRY_CAP_SECONDS && value < settings.number(Setting.MAIL_RETRY_BASE_SECONDS);
        if (crossed) {
            throw new DomainException("setting.retryOrder");
        }
    }

    private SettingLine line(Setting setting) {
        SettingOverride override = setting.runtime() ? em.find(SettingOverride.class, setting.property()) : null;
        String property = setting.fromSystemProperty();
        SettingLine.Source source = override != null ? SettingLine.Source.CHANGED_HERE
                : property != null ? SettingLine.Source.SYSTEM_PROPERTY : SettingLine.Source.DEFAULT;
        String value = override != null ? override.getValue() : Objects.requireNonNullElse(property, setting.defaultValue());
        if (setting == Setting.DATABASE_URL) {
            value = Setting.withoutSecrets(value);
        }
        return new SettingLine(setting.property(), setting.messageKey(), value, source, setting.runtime(),
                setting.type(), setting.min(), setting.max(),
                override == null ? null : override.getChangedAt(), override == null ? null : override.getChangedBy());
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
