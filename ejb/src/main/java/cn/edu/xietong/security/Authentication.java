package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.monitoring.ApplicationMetrics;
import cn.edu.xietong.presence.LastSeen;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks login credentials against the directory (S2, S3) and guards against guessing: five failures lock a login
 * name for 15 minutes, twenty failures from one client address in ten minutes block that address
 * ({@link LoginPolicy}). Every attempt is audited (S5). Used by the login form's identity store before anyone is
 * authenticated, hence {@link PermitAll}.
 */
@Stateless
@PermitAll
public class Authentication {

    private static final Logger LOG = Logger.getLogger(Authentication.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private AuditTrail audit;

    @EJB
    private ApplicationMetrics metrics;

    @EJB
    private ServerKeys keys;

    @EJB
    private LoginGuards guards;

    @EJB
    private OfficeClock clock;

    private final PasswordHasher hasher = PasswordHasher.current();
    private final LoginPolicy policy = LoginPolicy.current();

    /**
     * Verified against when the login name is unknown, so that a wrong name costs as long as a wrong password. Made
     * once per server: stateless beans are created per call, and a hash per instance would double every login's cost.
     */
    private static final class Decoy {
        static final String HASH = PasswordHasher.current().hash("decoy-password-not-used".toCharArray());
    }

    /**
     * One login attempt. A blocked client address or a locked name is refused before the password is looked at; a
     * hash made with weaker parameters than today's is replaced on success. The outcome never tells an unknown name
     * from a wrong password. Concurrent attempts at one name are counted one after the other: each is counted as a
     * failure before its password is checked and taken back if it was right ({@link LoginGuards}), so no password is
     * checked once five failures are counted.
     */
    public LoginResult logIn(String login, char[] password, String clientAddress) {
        String name = Person.normaliseLogin(login);
        Instant now = clock.now();
        try {
            LoginGuards.Admission admission = guards.admit(name, clientAddress, now);
            if (admission.verdict() == LoginGuards.Verdict.THROTTLED) {
                loginAudited(AuditOutcome.DENIED, name, clientAddress, "client address blocked");
                return LoginResult.refused(LoginResult.Outcome.THROTTLED);
            }
            if (admission.verdict() == LoginGuards.Verdict.LOCKED) {
                loginAudited(AuditOutcome.DENIED, name, clientAddress,
                        "locked until " + admission.lockedUntil());
                return LoginResult.refused(LoginResult.Outcome.LOCKED);
            }
            Optional<Person> person = byLogin(name);
            Optional<Credential> credential = person.filter(Person::isActive).flatMap(p -> Credential.of(em, p));
            boolean valid;
            if (credential.isPresent()) {
                valid = hasher.verify(password, credential.get().getPasswordHash());
            } else {
                hasher.verify(password, Decoy.HASH); // the same work for a name that cannot log in
                valid = false;
            }
            if (!valid) {
                return failed(name, admission, clientAddress, now,
                        person.isPresent() && !person.get().isActive() ? "deactivated account, " : "");
            }
            Person known = person.get();
            if (hasher.needsRehash(credential.get().getPasswordHash())) {
                credential.get().upgradeHash(hasher.hash(password));
                LOG.info(() -> "password hash of " + known.getLogin() + " upgraded to " + hasher.parameters());
            }
            SecondFactor factor = em.find(SecondFactor.class, known.getId());
            if (factor != null && factor.isEnrolled()) {
                // the password was right, but this is not a login yet: the attempt no longer counts, the code will
                guards.release(name);
                String ticket = SecondFactors.randomToken();
                // abandoned second steps do not pile up: each new challenge clears the expired ones
                em.createNamedQuery(LoginChallenge.DELETE_EXPIRED)
                        .setParameter("cutoff", now.minus(LoginChallenge.VALIDITY)).executeUpdate();
                em.persist(new LoginChallenge(SecondFactors.sha256(ticket), known.getLogin(), now));
                return LoginResult.challenge(ticket);
            }
            return succeed(known, clientAddress, now, null);
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    /**
     * The second step of a login whose password was right ({@link LoginResult.Outcome#SECOND_FACTOR}): a code from
     * the person's authenticator app, or one of their recovery codes. A wrong code counts as a failed login (lockout
     * and address throttling as for passwords); the ticket serves five codes within five minutes.
     */
    public LoginResult logInSecondStep(String ticket, String code, String clientAddress) {
        Instant now = clock.now();
        LoginChallenge challenge = ticket == null ? null
                : em.find(LoginChallenge.class, SecondFactors.sha256(ticket), LockModeType.PESSIMISTIC_WRITE);
        if (challenge == null || !challenge.openAt(now)) {
            if (challenge != null) {
                em.remove(challenge);
            }
            return LoginResult.refused(LoginResult.Outcome.CHALLENGE_EXPIRED);
        }
        LoginGuards.Admission admission = guards.admit(challenge.login(), clientAddress, now);
        if (admission.verdict() == LoginGuards.Verdict.THROTTLED) {
            audit.record(AuditEvent.SECOND_FACTOR_USE, AuditOutcome.DENIED, challenge.login(), clientAddress,
                    "client address blocked");
            return LoginResult.refused(LoginResult.Outcome.THROTTLED);
        }
        if (admission.verdict() == LoginGuards.Verdict.LOCKED) {
            em.remove(challenge);
            audit.record(AuditEvent.SECOND_FACTOR_USE, AuditOutcome.DENIED, challenge.login(), clientAddress,
                    "locked until " + admission.lockedUntil());
            return LoginResult.refused(LoginResult.Outcome.LOCKED);
        }
        Person person = byLogin(challenge.login()).filter(Person::isActive)
                .filter(p -> Credential.of(em, p).isPresent()).orElse(null);
        SecondFactor factor = person == null ? null : em.find(SecondFactor.class, person.getId());
        String how = factor == null || !factor.isEnrolled() ? null : SecondFactors.verify(keys, factor, code, now);
        if (how == null) {
            LoginResult failed = failed(challenge.login(), admission, clientAddress, now, "");
            if (!challenge.failed() || failed.outcome() == LoginResult.Outcome.LOCKED) {
                em.remove(challenge);
            }
            return failed;
        }
        em.remove(challenge);
        return succeed(person, clientAddress, now, how);
    }

    private LoginResult succeed(Person person, String clientAddress, Instant now, String secondFactor) {
        guards.clear(person.getLogin());
        PasswordPolicy rules = passwordPolicy();
        String marker = SecondFactors.randomToken();
        SessionRecord sessions = SessionRecord.of(em, person);
        sessions.loggedIn(now, marker);
        LastSeen.record(em, person, now); // online from the login on (B1)
        Credential credential = Credential.of(em, person).orElseThrow();
        boolean changeRequired = credential.isMustChangePassword() || rules.expired(credential, now);
        EnrolmentDue due = em.find(EnrolmentDue.class, person.getId());
        if (due != null && secondFactor != null) {
            em.remove(due); // enrolled and used: the first administrators' mark has done its work
        }
        boolean enrolmentRequired = secondFactor == null && (due != null || rules.requiresSecondFactor(person));
        List<String> notes = new ArrayList<>();
        if (secondFactor != null) {
            notes.add("second factor: " + secondFactor);
        }
        if (changeRequired) {
            notes.add("password change required");
        }
        if (enrolmentRequired) {
            notes.add("second factor enrolment required");
        }
        if (rules.isSingleSession()) {
            notes.add("other sessions end");
        }
        loginAudited(AuditOutcome.SUCCESS, person.getLogin(), clientAddress,
                notes.isEmpty() ? null : String.join(", ", notes));
        return new LoginResult(LoginResult.Outcome.SUCCESS,
                new AuthenticatedCaller(person.getLogin(), person.roleSet()), changeRequired, enrolmentRequired,
                new SessionStamp(marker, sessions.getSessionEpoch(), clock.now()), null);
    }

    /** The password policy in force (for the rules shown beside a password field). */
    public PasswordPolicy passwordPolicy() {
        return em.find(PasswordPolicy.class, PasswordPolicy.ID);
    }

    /** The caller's password: when it expires, whether to warn, whether it must be changed now. */
    @RolesAllowed("STAFF")
    public PasswordStatus passwordStatus() {
        Credential credential = Credential.of(em, caller()).orElse(null);
        PasswordPolicy policy = passwordPolicy();
        Instant now = clock.now();
        return new PasswordStatus(policy.expiresAt(credential), policy.warn(credential, now),
                credential != null && credential.isMustChangePassword() || policy.expired(credential, now));
    }

    /**
     * The caller changes their own password (S2). The current password must be right; the new one must meet the
     * policy and differ from the current one and the remembered earlier ones. Refusals are audited; nothing changes.
     * The person's other sessions end (S3): the caller carries its own over to the returned session epoch
     * ({@link SessionStamp#withEpoch}).
     *
     * @return the person's new session epoch
     * @throws InvalidInputException with the message keys of every rule broken
     */
    @RolesAllowed("STAFF")
    public long changePassword(char[] current, char[] next) {
        Person me = caller();
        Optional<Credential> credential = Credential.of(em, me);
        try {
            if (credential.isEmpty() || !hasher.verify(current, credential.get().getPasswordHash())) {
                audit.record(AuditEvent.PASSWORD_CHANGE, AuditOutcome.FAILURE, me.getLogin(), null,
                        "wrong current password");
                throw new InvalidInputException(List.of("password.currentWrong"));
            }
            PasswordPolicy policy = passwordPolicy();
            List<String> problems = new ArrayList<>(policy.violations(me.getLogin(), next));
            List<String> recent = credential.get().recentPasswordHashes();
            if (recent.stream().limit(policy.getHistorySize() + 1L).anyMatch(h -> hasher.verify(next, h))) {
                problems.add("password.reused");
            }
            if (!problems.isEmpty()) {
                audit.record(AuditEvent.PASSWORD_CHANGE, AuditOutcome.DENIED, me.getLogin(), null,
                        String.join(", ", problems));
                throw new InvalidInputException(problems);
            }
            long epoch = Credential.newPassword(em, me, hasher.hash(next), clock.now(), policy.getHistorySize());
            audit.record(AuditEvent.PASSWORD_CHANGE, AuditOutcome.SUCCESS, me.getLogin(), null, "other sessions end");
            return epoch;
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
    }

    private Optional<Person> byLogin(String normalisedLogin) {
        return Person.byLogin(em, normalisedLogin);
    }

    /** The logged-in person (the directory checks that there is one). */
    private Person caller() {
        return directory.me();
    }

    /**
     * An admitted attempt failed: it was counted already ({@link LoginGuards#admit}); it is audited, the lock it set
     * (the fifth failure) is audited too, and it counts against the client address.
     */
    private LoginResult failed(String name, LoginGuards.Admission admission, String clientAddress, Instant now,
                               String note) {
        loginAudited(AuditOutcome.FAILURE, name, clientAddress, note + "failure " + admission.failures());
        if (admission.locksNow()) {
            audit.record(AuditEvent.LOCKOUT, AuditOutcome.DENIED, name, clientAddress,
                    "locked until " + admission.lockedUntil());
        }
        if (clientAddress != null && guards.clientFailed(clientAddress, now)) {
            audit.record(AuditEvent.CLIENT_THROTTLED, AuditOutcome.DENIED, name, clientAddress,
                    "client address blocked for " + policy.clientBlock().toMinutes() + " min");
        }
        return LoginResult.refused(admission.locksNow() ? LoginResult.Outcome.LOCKED : LoginResult.Outcome.INVALID);
    }

    /** A login attempt goes into the audit trail and the login meter (O2.5). */
    private void loginAudited(AuditOutcome outcome, String name, String clientAddress, String detail) {
        audit.record(AuditEvent.LOGIN, outcome, name, clientAddress, detail);
        metrics.login(outcome.name());
    }
}
