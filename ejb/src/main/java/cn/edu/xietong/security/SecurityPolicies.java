package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Security policies, the security administrator's alone (separation of duties, S3): neither the system nor the
 * audit administrator may change them. Every change is audited with the values before and after (S5, O2.1).
 */
@Stateless
@RolesAllowed("SECURITY_ADMIN")
public class SecurityPolicies {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    public PasswordPolicy passwordPolicy() {
        return em.find(PasswordPolicy.class, PasswordPolicy.ID);
    }

    /**
     * Replaces the password policy's values.
     *
     * @throws InvalidInputException {@code policy.outOfRange} when a value is outside what the policy allows
     */
    public PasswordPolicy updatePasswordPolicy(int minLength, int minClasses, int historySize, int expiryDays,
                                               int privilegedExpiryDays, int warnDays) {
        return updatePasswordPolicy(minLength, minClasses, historySize, expiryDays, privilegedExpiryDays, warnDays,
                passwordPolicy().isRejectCommon());
    }

    /**
     * Replaces the password policy's values, and whether passwords from the lists of common and breached passwords
     * are refused (OWASP ASVS 2.1.7; on by default).
     *
     * @throws InvalidInputException {@code policy.outOfRange} when a value is outside what the policy allows
     */
    public PasswordPolicy updatePasswordPolicy(int minLength, int minClasses, int historySize, int expiryDays,
                                               int privilegedExpiryDays, int warnDays, boolean rejectCommon) {
        PasswordPolicy policy = passwordPolicy();
        String before = policy.toString();
        try {
            policy.set(minLength, minClasses, historySize, expiryDays, privilegedExpiryDays, warnDays);
            policy.setRejectCommon(rejectCommon);
        } catch (IllegalArgumentException outOfRange) {
            audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.DENIED, caller(), null,
                    "password policy out of range, unchanged: " + before);
            throw new InvalidInputException(List.of("policy.outOfRange"));
        }
        audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                "password policy: " + before + " -> " + policy);
        return policy;
    }

    /**
     * Switches the login rules: whether privileged roles must use a second factor (S2), and whether a new login ends
     * the account's other sessions (S3).
     */
    public PasswordPolicy updateLoginRules(boolean secondFactorRequired, boolean singleSession) {
        PasswordPolicy policy = passwordPolicy();
        String before = policy.toString();
        policy.setLoginRules(secondFactorRequired, singleSession);
        audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                "login rules: " + before + " -> " + policy);
        return policy;
    }

    /**
     * Sets how often each unit's IT staff confirm their members (O3.2).
     *
     * @throws InvalidInputException {@code policy.recertificationOutOfRange} outside 30 to 730 days
     */
    public PasswordPolicy updateRecertificationDays(int days) {
        PasswordPolicy policy = passwordPolicy();
        int before = policy.getRecertificationDays();
        try {
            policy.setRecertificationDays(days);
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidInputException(List.of("policy.recertificationOutOfRange"));
        }
        if (before != days) {
            audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                    "recertification interval: " + before + "d -> " + days + "d");
        }
        return policy;
    }

    /**
     * Sets the absolute lifetime of a session (S3; ASVS 3.3.2), however active it is; sessions that have outlived it
     * end at their next request.
     *
     * @throws InvalidInputException {@code policy.sessionLifetimeOutOfRange} outside 1 to 12 hours
     */
    public PasswordPolicy updateSessionLifetime(int hours) {
        PasswordPolicy policy = passwordPolicy();
        int before = policy.getSessionLifetimeHours();
        try {
            policy.setSessionLifetimeHours(hours);
        } catch (IllegalArgumentException outOfRange) {
            throw new InvalidInputException(List.of("policy.sessionLifetimeOutOfRange"));
        }
        if (before != hours) {
            audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                    "session lifetime: " + before + "h -> " + hours + "h");
        }
        return policy;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
