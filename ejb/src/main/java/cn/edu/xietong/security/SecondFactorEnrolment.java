package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * A person's second factor (S2): enrolment by QR code in any authenticator app (TOTP, RFC 6238), one-time recovery
 * codes, and their replacement. Privileged roles must enrol while the policy requires it (the login sends them to the
 * enrolment page first) and cannot switch it off; if a phone is lost, the security administrator resets the second
 * factor and the person enrols again at the next login. Every step is audited (S5).
 */
@Stateless
@RolesAllowed("STAFF")
public class SecondFactorEnrolment {

    /** The name authenticator apps show above the account. */
    public static final String ISSUER = "Xietong";

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private ServerKeys keys;

    @EJB
    private AuditTrail audit;

    @EJB
    private LoginGuards guards;

    /** A started enrolment: the secret to scan (as a key URI) or type (Base32). */
    public record Enrolment(String secret, String keyUri) implements java.io.Serializable {
    }

    /** The caller's second factor as the account page shows it (a bean, for Faces' expression language 5). */
    public static final class Status implements java.io.Serializable {

        private static final long serialVersionUID = 1L;
        private final boolean enrolled;
        private final Instant enrolledAt;
        private final long remainingRecoveryCodes;
        private final boolean required;

        Status(boolean enrolled, Instant enrolledAt, long remainingRecoveryCodes, boolean required) {
            this.enrolled = enrolled;
            this.enrolledAt = enrolledAt;
            this.remainingRecoveryCodes = remainingRecoveryCodes;
            this.required = required;
        }

        public boolean isEnrolled() {
            return enrolled;
        }

        public Instant getEnrolledAt() {
            return enrolledAt;
        }

        public long getRemainingRecoveryCodes() {
            return remainingRecoveryCodes;
        }

        /** Whether the policy requires the caller to have a second factor. */
        public boolean isRequired() {
            return required;
        }
    }

    public Status status() {
        Person me = directory.me();
        SecondFactor factor = em.find(SecondFactor.class, me.getId());
        boolean required = policy().requiresSecondFactor(me);
        return factor == null || !factor.isEnrolled() ? new Status(false, null, 0, required)
                : new Status(true, factor.getEnrolledAt(), factor.remainingRecoveryCodes(), required);
    }

    /**
     * Makes a new secret for the caller to scan; it counts only once {@link #confirm} has seen a code from it.
     *
     * @throws InvalidInputException {@code twoFactor.alreadyEnrolled} (switch the old one off first)
     */
    public Enrolment begin() {
        Person me = directory.me();
        SecondFactor factor = em.find(SecondFactor.class, me.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (factor != null && factor.isEnrolled()) {
            throw new InvalidInputException(List.of("twoFactor.alreadyEnrolled"));
        }
        byte[] secret = Totp.newSecret();
        String sealed = keys.seal(secret);
        if (factor == null) {
            em.persist(new SecondFactor(me, sealed, clock.now()));
        } else {
            factor.restart(sealed, clock.now());
        }
        return new Enrolment(Base32.encode(secret), Totp.keyUri(ISSUER, me.getLogin(), secret));
    }

    /**
     * The caller's app shows the right code: the second factor is enrolled. Returns the recovery codes, the only
     * time they are shown.
     *
     * @throws InvalidInputException {@code twoFactor.notStarted}, {@code twoFactor.alreadyEnrolled},
     *                               {@code twoFactor.wrongCode}
     */
    public List<String> confirm(String code) {
        Person me = directory.me();
        SecondFactor factor = em.find(SecondFactor.class, me.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (factor == null) {
            throw new InvalidInputException(List.of("twoFactor.notStarted"));
        }
        if (factor.isEnrolled()) {
            throw new InvalidInputException(List.of("twoFactor.alreadyEnrolled"));
        }
        Instant now = clock.now();
        var step = Totp.verify(keys.open(factor.getSealedSecret()), code == null ? "" : code.strip(), now,
                factor.getLastUsedStep());
        if (step.isEmpty()) {
            audit.record(AuditEvent.SECOND_FACTOR_ENROL, AuditOutcome.FAILURE, me.getLogin(), null, "wrong code");
            throw new InvalidInputException(List.of("twoFactor.wrongCode"));
        }
        List<String> codes = SecondFactors.newRecoveryCodes();
        String salt = SecondFactors.newSalt();
        factor.enrol(step.getAsLong(), now, salt, SecondFactors.digests(keys, salt, codes));
        audit.record(AuditEvent.SECOND_FACTOR_ENROL, AuditOutcome.SUCCESS, me.getLogin(), null, "totp enrolled");
        return codes;
    }

    /**
     * New recovery codes in place of the old ones, against a current code. A wrong code counts as a failed login.
     *
     * @throws InvalidInputException {@code twoFactor.notEnrolled}, {@code twoFactor.wrongCode},
     *                               {@code twoFactor.locked}
     */
    public List<String> newRecoveryCodes(String code) {
        SecondFactor factor = enrolledFactorProvenBy(code, "new recovery codes");
        List<String> codes = SecondFactors.newRecoveryCodes();
        String salt = SecondFactors.newSalt();
        factor.replaceRecoveryCodes(salt, SecondFactors.digests(keys, salt, codes));
        audit.record(AuditEvent.SECOND_FACTOR_ENROL, AuditOutcome.SUCCESS, factor.getPerson().getLogin(), null,
                "new recovery codes");
        return codes;
    }

    /**
     * Switches the caller's second factor off, against a current code; not for those the policy requires it of. A
     * wrong code counts as a failed login.
     *
     * @throws InvalidInputException {@code twoFactor.required}, {@code twoFactor.notEnrolled},
     *                               {@code twoFactor.wrongCode}, {@code twoFactor.locked}
     */
    public void disable(String code) {
        if (policy().requiresSecondFactor(directory.me())) {
            throw new InvalidInputException(List.of("twoFactor.required"));
        }
        SecondFactor factor = enrolledFactorProvenBy(code, "switch off");
        em.remove(factor);
        audit.record(AuditEvent.SECOND_FACTOR_RESET, AuditOutcome.SUCCESS, factor.getPerson().getLogin(), null,
                "switched off by the person");
    }

    /**
     * The security administrator removes a person's second factor (a lost phone); they enrol again at the next login
     * if the policy requires it. Kept in the person's history and the audit trail.
     *
     * @throws InvalidInputException {@code account.unknown}, {@code twoFactor.notEnrolled}, {@code account.notSelf}
     */
    @RolesAllowed("SECURITY_ADMIN")
    public void reset(String login, String reason) {
        Person person = Person.byLogin(em, login)
                .orElseThrow(() -> new InvalidInputException(List.of("account.unknown")));
        String caller = directory.me().getLogin();
        if (person.getLogin().equals(caller)) {
            throw new InvalidInputException(List.of("account.notSelf"));
        }
        SecondFactor factor = em.find(SecondFactor.class, person.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (factor == null || !factor.isEnrolled()) {
            throw new InvalidInputException(List.of("twoFactor.notEnrolled"));
        }
        em.remove(factor);
        SessionRecord.endSessions(em, person, SessionEnd.SECOND_FACTOR_RESET); // a lost phone may be in someone else's hands
        String why = reason == null || reason.isBlank() ? null : reason.strip();
        em.persist(new PersonChange(person, clock.now(), caller, PersonChange.Kind.SECOND_FACTOR_RESET,
                "enrolled", "not enrolled", why));
        audit.record(AuditEvent.SECOND_FACTOR_RESET, AuditOutcome.SUCCESS, caller, null,
                person.getLogin() + (why == null ? "" : " (" + why + ")"));
    }

    /** Whether the person has an enrolled second factor (for the security administrator's page). */
    @RolesAllowed("SECURITY_ADMIN")
    public boolean enrolled(String login) {
        return Person.byLogin(em, login)
                .map(p -> em.find(SecondFactor.class, p.getId()))
                .map(SecondFactor::isEnrolled).orElse(false);
    }

    /**
     * The caller's enrolled second factor, once a current code (or a recovery code) proves the caller holds it. The
     * code is a guess like a password (S2): it is counted on the login name as a failed login before it is checked
     * and taken back if right ({@link LoginGuards}), so wrong codes lock the account as wrong passwords do, and while
     * the name is locked no code is checked at all.
     */
    private SecondFactor enrolledFactorProvenBy(String code, String purpose) {
        Person me = directory.me();
        Instant now = clock.now();
        SecondFactor factor = em.find(SecondFactor.class, me.getId(), LockModeType.PESSIMISTIC_WRITE);
        if (factor == null || !factor.isEnrolled()) {
            throw new InvalidInputException(List.of("twoFactor.notEnrolled"));
        }
        LoginGuards.Admission admission = guards.admit(me.getLogin(), null, now);
        if (admission.verdict() != LoginGuards.Verdict.ADMITTED) {
            audit.record(AuditEvent.SECOND_FACTOR_USE, AuditOutcome.DENIED, me.getLogin(), null,
                    purpose + ": locked until " + admission.lockedUntil());
            throw new InvalidInputException(List.of("twoFactor.locked"));
        }
        if (SecondFactors.verify(keys, factor, code, now) == null) {
            // the failure stays counted: it was committed on its own, whatever this refusal rolls back
            audit.record(AuditEvent.SECOND_FACTOR_USE, AuditOutcome.FAILURE, me.getLogin(), null,
                    "wrong code for " + purpose + ", failure " + admission.failures());
            if (admission.locksNow()) {
                audit.record(AuditEvent.LOCKOUT, AuditOutcome.DENIED, me.getLogin(), null,
                        "locked until " + admission.lockedUntil());
            }
            throw new InvalidInputException(List.of("twoFactor.wrongCode"));
        }
        guards.release(me.getLogin());
        return factor;
    }

    private PasswordPolicy policy() {
        return em.find(PasswordPolicy.class, PasswordPolicy.ID);
    }
}
