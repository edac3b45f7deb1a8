package cn.edu.xietong.configuration;

import cn.edu.xietong.shared.DomainException;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The catalogue of settings (O2.1): each is named by its system property ({@code -Dname=value} at start-up). Those
 * marked run-time may be changed by the system administrator while the server runs ({@link Configuration#change});
 * the others (directories, database, time zone, ports) are read once at start-up and only shown. A run-time value is
 * checked here: a number within its range, a text matching its pattern.
 */
public enum Setting {

    /** Hours an approved controlled download stays usable (S4). */
    DOWNLOAD_HOURS("xietong.documents.downloadHours", Type.NUMBER, "24", 1, 720),
    /** The design code of the controlled-download approval flow (S4). */
    DOWNLOAD_DESIGN("xietong.documents.downloadDesign", Type.CODE, "controlled-download", 1, 64),
    /** The largest document a library takes, in bytes (O3.5); the web tier takes nothing over 210 MB. */
    DOCUMENT_MAX_BYTES("xietong.documents.maxBytes", Type.NUMBER, String.valueOf(200L * 1024 * 1024),
            1024 * 1024, 200L * 1024 * 1024),
    /** The largest attachment of a flow or a mail, in bytes (S1); the web tier takes nothing over 20 MB. */
    UPLOAD_MAX_BYTES("xietong.upload.maxBytes", Type.NUMBER, String.valueOf(20L * 1024 * 1024),
            64 * 1024, 20L * 1024 * 1024),
    /** Working days after the deadline before an overdue to-do is escalated to the unit's leader (A2). */
    ESCALATE_AFTER_DAYS("xietong.flow.escalateAfterDays", Type.NUMBER, "1", 1, 30),
    /** The mail gateway's first pause after a failed attempt, in seconds (C2). */
    MAIL_RETRY_BASE_SECONDS("xietong.mail.retryBaseSeconds", Type.NUMBER, "60", 5, 3600),
    /** The mail gateway's longest pause between attempts, in seconds (C2). */
    MAIL_RETRY_CAP_SECONDS("xietong.mail.retryCapSeconds", Type.NUMBER, "3600", 60, 86_400),
    /** Attempts before a mail is given up as failed (C2). */
    MAIL_MAX_ATTEMPTS("xietong.mail.maxAttempts", Type.NUMBER, "8", 1, 50),
    /** Complete weekly backup sets kept; the backup deletes older ones (E3, O2.2). */
    BACKUP_GENERATIONS("xietong.backup.generations", Type.NUMBER, "4", 1, 52),
    /** Days an unsent draft lies untouched before the weekly cleanup removes it (A4, E3). */
    CLEANUP_DRAFT_DAYS("xietong.cleanup.draftDays", Type.NUMBER, "180", 7, 3650),
    /** Days instant messages are kept; older ones are removed weekly, a conversation at a time (A4, E3). */
    CLEANUP_MESSAGE_DAYS("xietong.cleanup.messageDays", Type.NUMBER, "365", 30, 3650),
    /** Days of presence samples kept for the presence report; older days are removed weekly (B1, E3). */
    CLEANUP_PRESENCE_DAYS("xietong.cleanup.presenceDays", Type.NUMBER, "400", 30, 3650),
    /** Days sent, cancelled, digested or finally failed outbox mails are kept (C2, E3). */
    CLEANUP_OUTBOX_DAYS("xietong.cleanup.outboxDays", Type.NUMBER, "30", 1, 3650),
    /** Days the job repository keeps ended job runs (C1, E3). */
    CLEANUP_JOB_RUN_DAYS("xietong.cleanup.jobRunDays", Type.NUMBER, "90", 7, 3650),
    /** Days job reports are kept for the trend over weeks (C1, E3). */
    CLEANUP_REPORT_DAYS("xietong.cleanup.reportDays", Type.NUMBER, "365", 30, 3650),

    /** The campus time zone. */
    TIMEZONE("xietong.timezone", "Asia/Shanghai"),
    /** Idle minutes before a session ends (the servlet container's setting, S3). */
    SESSION_TIMEOUT("xietong.session.timeout", "15"),
    /** The database (PostgreSQL; H2 in the server's data folder without it). */
    DATABASE_URL("xietong.db.url", ""),
    /** Where documents are stored. */
    CONTENT_DIR("xietong.content.dir", ""),
    /** Where the publish-time copies are written (E1). */
    BACKUP_DIR("xietong.backup.dir", ""),
    /** Where the weekly backup writes its sets (E3). */
    BACKUP_SETS_DIR("xietong.backupSets.dir", ""),
    /** Where the search index lives (one per server). */
    SEARCH_DIR("xietong.search.dir", ""),
    /** The server keystore's file. */
    KEYSTORE("xietong.keystore", ""),
    /** The virus scanner's host (clamd); without it uploads are refused outside demo mode. */
    CLAMD_HOST("xietong.clamd.host", ""),
    CLAMD_PORT("xietong.clamd.port", "3310"),
    /** The SMTP server of the mail gateway. */
    SMTP_HOST("xietong.smtp.host", "localhost"),
    SMTP_PORT("xietong.smtp.port", "25"),
    /** When the daily digest of e-mail goes out (the timer is set at start-up). */
    MAIL_DIGEST_AT("xietong.mail.digestAt", "18:00"),
    /** How long a sender holds a claimed mail. */
    MAIL_LEASE_SECONDS("xietong.mail.leaseSeconds", "300"),
    /** This server's transaction node id (one per server of a cluster). */
    NODE_ID("xietong.node.id", "xietong-1"),
    /** Demo mode. */
    DEMO("xietong.demo", "false");

    /** How a run-time setting's value is checked. */
    public enum Type {
        /** A whole number within [min, max]. */
        NUMBER,
        /** A code: lower-case letters, digits and hyphens, min to max characters. */
        CODE
    }

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]*");

    private final String property;
    private final Type type;
    private final String defaultValue;
    private final long min;
    private final long max;
    private final boolean runtime;

    Setting(String property, Type type, String defaultValue, long min, long max) {
        this.property = property;
        this.type = type;
        this.defaultValue = defaultValue;
        this.min = min;
        this.max = max;
        this.runtime = true;
    }

    /** A start-up setting: shown, never changed here. */
    Setting(String property, String defaultValue) {
        this.property = property;
        this.type = null;
        this.defaultValue = defaultValue;
        this.min = 0;
        this.max = 0;
        this.runtime = false;
    }

    public String property() {
        return property;
    }

    public String defaultValue() {
        return defaultValue;
    }

    /** Whether an administrator may change it while the server runs. */
    public boolean runtime() {
        return runtime;
    }

    public Type type() {
        return type;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    /** The message key of the setting's name and hint ({@code setting.<property>}). */
    public String messageKey() {
        return "setting." + property;
    }

    /** The setting of a property name. */
    public static Setting of(String property) {
        for (Setting setting : values()) {
            if (setting.property.equals(property)) {
                return setting;
            }
        }
        throw new DomainException("setting.unknown", property);
    }

    /**
     * The value an administrator entered, checked and normalised (stripped; a number without leading zeros).
     *
     * @throws DomainException {@code setting.startupOnly} for a start-up setting, {@code setting.notANumber},
     *                         {@code setting.outOfRange} (with min and max) or {@code setting.badCode}
     */
    public String checked(String value) {
        if (!runtime) {
            throw new DomainException("setting.startupOnly", property);
        }
        String v = value == null ? "" : value.strip();
        return switch (type) {
            case NUMBER -> {
                long number;
                try {
                    number = Long.parseLong(v);
                } catch (NumberFormatException e) {
                    throw new DomainException("setting.notANumber", v);
                }
                if (number < min || number > max) {
                    throw new DomainException("setting.outOfRange", number, min, max);
                }
                yield Long.toString(number);
            }
            case CODE -> {
                String code = v.toLowerCase(Locale.ROOT);
                if (code.length() < min || code.length() > max || !CODE.matcher(code).matches()) {
                    throw new DomainException("setting.badCode", v, max);
                }
                yield code;
            }
        };
    }

    /**
     * The value a system property gives, when it is a valid one; a bad system property is ignored (the default
     * holds), as a bad override could never be stored.
     */
    String fromSystemProperty() {
        String configured = System.getProperty(property);
        if (configured == null || configured.isBlank()) {
            return null;
        }
        if (!runtime) {
            return configured.strip();
        }
        try {
            return checkedLoosely(configured);
        } catch (DomainException e) {
            return null;
        }
    }

    /** A system property is checked for type only: tests and operators may set values beyond the page's range. */
    private String checkedLoosely(String value) {
        if (type == Type.NUMBER) {
            try {
                return Long.toString(Long.parseLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new DomainException("setting.notANumber", value);
            }
        }
        return value.strip();
    }

    /**
     * A database address fit to show: user and password parameters taken out (JDBC URLs of H2 and PostgreSQL carry
     * them as {@code ;PASSWORD=…} or {@code ?password=…&}), and any {@code user:password@} before the host.
     */
    public static String withoutSecrets(String url) {
        if (url == null) {
            return "";
        }
        return url.replaceAll("(?i)([;?&](password|user|pwd)=)[^;&]*", "$1***").replaceAll("//[^/@]*@", "//***@");
    }
}
