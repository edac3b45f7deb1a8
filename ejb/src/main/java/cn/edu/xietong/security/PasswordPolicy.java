package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The password policy (S2), one row edited by the security administrator. Defaults follow what security assessors
 * (等保 2.0 level 3) expect: at least 8 characters from 3 of 4 classes, not containing the login name, none of the
 * last 5; expiry after 90 days, 60 for privileged roles; a warning 7 days ahead; and, as OWASP ASVS level 2 asks,
 * none from the lists of common and breached passwords. For ASVS level 2 as a whole the administrator raises the
 * minimum length to 12.
 */
@Entity
@Table(name = "password_policy")
public class PasswordPolicy {

    public static final int ID = 1;

    /**
     * Roles whose passwords expire sooner and who must use a second factor: administrators, unit IT staff, leaders
     * who approve, and the batch operator, whose jobs touch everyone's data (S2).
     */
    public static final Set<Role> PRIVILEGED = EnumSet.of(Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN,
            Role.SUPERVISOR, Role.UNIT_IT, Role.UNIT_LEADER, Role.SCHOOL_LEADER, Role.BATCH_OPERATOR);

    @Id
    private int id;

    @Column(name = "min_length", nullable = false)
    private int minLength;

    @Column(name = "min_classes", nullable = false)
    private int minClasses;

    @Column(name = "history_size", nullable = false)
    private int historySize;

    @Column(name = "expiry_days", nullable = false)
    private int expiryDays;

    @Column(name = "privileged_expiry_days", nullable = false)
    private int privilegedExpiryDays;

    @Column(name = "warn_days", nullable = false)
    private int warnDays;

    /** Privileged roles must enrol a second factor before they can work (S2). */
    @Column(name = "second_factor_required", nullable = false)
    private boolean secondFactorRequired = true;

    /** How often each unit's IT staff confirm that their members still belong (O3.2). */
    @Column(name = "recertification_days", nullable = false)
    private int recertificationDays = 180;

    /** Passwords from the lists of common and breached passwords are refused (S2; OWASP ASVS 2.1.7). */
    @Column(name = "reject_common", nullable = false)
    private boolean rejectCommon = true;

    /** A new login ends the account's other sessions (S3). */
    @Column(name = "single_session", nullable = false)
    private boolean singleSession;

    /** No session lasts longer, however active (S3; ASVS 3.3.2: at most 12 hours). */
    @Column(name = "session_lifetime_hours", nullable = false)
    private int sessionLifetimeHours = 12;

    @Version
    private long version;

    protected PasswordPolicy() {
    }

    /** A policy with the given values (for tests and for showing an edit before it is saved). */
    public PasswordPolicy(int minLength, int minClasses, int historySize, int expiryDays, int privilegedExpiryDays,
                          int warnDays) {
        this.id = ID;
        set(minLength, minClasses, historySize, expiryDays, privilegedExpiryDays, warnDays);
    }

    /**
     * Changes the policy. Refuses values no assessment would accept: under 8 characters, under 3 classes, expiry over
     * a year, privileged expiry longer than the ordinary one, or a warning that starts before a password is valid.
     */
    public void set(int minLength, int minClasses, int historySize, int expiryDays, int privilegedExpiryDays,
                    int warnDays) {
        if (minLength < 8 || minLength > 64 || minClasses < 3 || minClasses > 4 || historySize < 0
                || historySize > 24 || expiryDays < 1 || expiryDays > 365 || privilegedExpiryDays < 1
                || privilegedExpiryDays > expiryDays || warnDays < 0 || warnDays >= privilegedExpiryDays) {
            throw new IllegalArgumentException("password policy out of range");
        }
        this.minLength = minLength;
        this.minClasses = minClasses;
        this.historySize = historySize;
        this.expiryDays = expiryDays;
        this.privilegedExpiryDays = privilegedExpiryDays;
        this.warnDays = warnDays;
    }

    /**
     * The rules a new password breaks, as message keys ({@code password.tooShort}, {@code password.tooFewClasses},
     * {@code password.containsLogin}, {@code password.common}); empty when it is acceptable. The history is checked by the service, which
     * holds the hashes.
     */
    public List<String> violations(String login, char[] password) {
        List<String> broken = new ArrayList<>();
        if (password.length < minLength) {
            broken.add("password.tooShort");
        }
        if (characterClasses(password) < minClasses) {
            broken.add("password.tooFewClasses");
        }
        if (login != null && login.length() >= 3
                && new String(password).toLowerCase(Locale.ROOT).contains(login.toLowerCase(Locale.ROOT))) {
            broken.add("password.containsLogin");
        }
        if (rejectCommon && CommonPasswords.contains(password)) {
            broken.add("password.common");
        }
        return broken;
    }

    /** How many of lower case, upper case, digits and other characters the password uses. */
    public static int characterClasses(char[] password) {
        boolean lower = false, upper = false, digit = false, other = false;
        for (char c : password) {
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }

    public static boolean privileged(Person person) {
        return person.roleSet().stream().anyMatch(PRIVILEGED::contains);
    }

    /** When the person's password expires; {@code null} if they have never had one ({@code credential} null). */
    public Instant expiresAt(Credential credential) {
        if (credential == null || credential.getPasswordChangedAt() == null) {
            return null;
        }
        return credential.getPasswordChangedAt()
                .plus(Duration.ofDays(privileged(credential.getPerson()) ? privilegedExpiryDays : expiryDays));
    }

    public boolean expired(Credential credential, Instant now) {
        Instant expiry = expiresAt(credential);
        return expiry != null && !now.isBefore(expiry);
    }

    /** True from {@code warnDays} before expiry until it expires. */
    public boolean warn(Credential credential, Instant now) {
        Instant expiry = expiresAt(credential);
        return expiry != null && now.isBefore(expiry) && !now.isBefore(expiry.minus(Duration.ofDays(warnDays)));
    }

    public int getMinLength() {
        return minLength;
    }

    public int getMinClasses() {
        return minClasses;
    }

    public int getHistorySize() {
        return historySize;
    }

    public int getExpiryDays() {
        return expiryDays;
    }

    public int getPrivilegedExpiryDays() {
        return privilegedExpiryDays;
    }

    public int getWarnDays() {
        return warnDays;
    }

    /** Sets the two login rules that are switches rather than numbers. */
    public void setLoginRules(boolean secondFactorRequired, boolean singleSession) {
        this.secondFactorRequired = secondFactorRequired;
        this.singleSession = singleSession;
    }

    /** Sets the recertification interval: from 30 days to two years. */
    public void setRecertificationDays(int days) {
        if (days < 30 || days > 730) {
            throw new IllegalArgumentException("recertification interval out of range: " + days);
        }
        recertificationDays = days;
    }

    public int getRecertificationDays() {
        return recertificationDays;
    }

    /** When the person's membership must be confirmed again; due at once if it never was. */
    public Instant recertificationDue(MembershipReview review) {
        return review.getConfirmedAt() == null ? Instant.EPOCH
                : review.getConfirmedAt().plus(Duration.ofDays(recertificationDays));
    }

    public boolean isSecondFactorRequired() {
        return secondFactorRequired;
    }

    /** Whether this person must have a second factor: privileged, while the policy requires it. */
    public boolean requiresSecondFactor(Person person) {
        return secondFactorRequired && privileged(person);
    }

    /** Whether passwords from the lists of common and breached ones are refused ({@link CommonPasswords}). */
    public boolean isRejectCommon() {
        return rejectCommon;
    }

    public void setRejectCommon(boolean reject) {
        this.rejectCommon = reject;
    }

    public boolean isSingleSession() {
        return singleSession;
    }

    /** Sets the absolute session lifetime: from 1 to 12 hours (longer is what an assessment rejects). */
    public void setSessionLifetimeHours(int hours) {
        if (hours < 1 || hours > 12) {
            throw new IllegalArgumentException("session lifetime out of range: " + hours);
        }
        sessionLifetimeHours = hours;
    }

    public int getSessionLifetimeHours() {
        return sessionLifetimeHours;
    }

    @Override
    public String toString() {
        return "length>=" + minLength + ", classes>=" + minClasses + ", history=" + historySize + ", expiry="
                + expiryDays + "d, privileged=" + privilegedExpiryDays + "d, warn=" + warnDays + "d, common passwords "
                + (rejectCommon ? "refused" : "allowed") + ", second factor "
                + (secondFactorRequired ? "required" : "optional") + " for privileged roles, "
                + (singleSession ? "one session" : "several sessions") + " per account, recertification every "
                + recertificationDays + "d";
    }
}
