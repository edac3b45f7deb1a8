package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.InvalidInputException;
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
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private AuditTrail audit;

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
     * from a wrong password.
     */
    public LoginResult logIn(String login, char[] password, String clientAddress) {
        String name = Person.normaliseLogin(login);
        Instant now = Instant.now();
        try {
            ClientGuard client = clientAddress == null ? null
                    : em.find(ClientGuard.class, clientAddress, LockModeType.PESSIMISTIC_WRITE);
            if (client != null && client.blockedAt(now)) {
                audit.record(AuditEvent.LOGIN, AuditOutcome.DENIED, name, clientAddress, "client address blocked");
                return LoginResult.refused(LoginResult.Outcome.THROTTLED);
            }
            LoginGuard guard = em.find(LoginGuard.class, name, LockModeType.PESSIMISTIC_WRITE);
            if (guard != null && guard.lockedAt(now)) {
                audit.record(AuditEvent.LOGIN, AuditOutcome.DENIED, name, clientAddress,
                        "locked until " + guard.lockedUntil());
                return LoginResult.refused(LoginResult.Outcome.LOCKED);
            }
            Optional<Person> person = em.createNamedQuery(Person.BY_LOGIN, Person.class)
                    .setParameter("login", name).getResultStream().findFirst();
            boolean valid;
            if (person.filter(Person::canLogIn).isPresent()) {
                valid = hasher.verify(password, person.get().getPasswordHash());
            } else {
                hasher.verify(password, Decoy.HASH); // the same work for a name that cannot log in
                valid = false;
            }
            if (valid) {
                return succeed(person.get(), guard, password, clientAddress, now);
            }
            return fail(name, guard, client, clientAddress, now, person.isPresent() && !person.get().isActive());
        } finally {
            Arrays.fill(password, '\0');
        }
    }

    private LoginResult succeed(Person person, LoginGuard guard, char[] password, String clientAddress, Instant now) {
        if (guard != null) {
            em.remove(guard);
        }
        if (hasher.needsRehash(person.getPasswordHash())) {
            person.upgradeHash(hasher.hash(password));
            LOG.info(() -> "password hash of " + person.getLogin() + " upgraded to " + hasher.parameters());
        }
        person.loggedIn(now);
        boolean changeRequired = person.isMustChangePassword() || passwordPolicy().expired(person, now);
        audit.record(AuditEvent.LOGIN, AuditOutcome.SUCCESS, person.getLogin(), clientAddress,
                changeRequired ? "password change required" : null);
        return new LoginResult(LoginResult.Outcome.SUCCESS,
                new AuthenticatedCaller(person.getLogin(), person.roleSet()), changeRequired);
    }

    /** The password policy in force (for the rules shown beside a password field). */
    public PasswordPolicy passwordPolicy() {
        return em.find(PasswordPolicy.class, PasswordPolicy.ID);
    }

    /** The caller's password: when it expires, whether to warn, whether it must be changed now. */
    @RolesAllowed("STAFF")
    public PasswordStatus passwordStatus() {
        Person me = caller();
        PasswordPolicy policy = passwordPolicy();
        Instant now = Instant.now();
        return new PasswordStatus(policy.expiresAt(me), policy.warn(me, now),
                me.isMustChangePassword() || policy.expired(me, now));
    }

    /**
     * The caller changes their own password (S2). The current password must be right; the new one must meet the
     * policy and differ from the current one and the remembered earlier ones. Refusals are audited; nothing changes.
     *
     * @throws InvalidInputException with the message keys of every rule broken
     */
    @RolesAllowed("STAFF")
    public void changePassword(char[] current, char[] next) {
        Person me = caller();
        try {
            if (!hasher.verify(current, me.getPasswordHash())) {
                audit.record(AuditEvent.PASSWORD_CHANGE, AuditOutcome.FAILURE, me.getLogin(), null,
                        "wrong current password");
                throw new InvalidInputException(List.of("password.currentWrong"));
            }
            PasswordPolicy policy = passwordPolicy();
            List<String> problems = new ArrayList<>(policy.violations(me.getLogin(), next));
            List<String> recent = me.recentPasswordHashes();
            if (recent.stream().limit(policy.getHistorySize() + 1L).anyMatch(h -> hasher.verify(next, h))) {
                problems.add("password.reused");
            }
            if (!problems.isEmpty()) {
                audit.record(AuditEvent.PASSWORD_CHANGE, AuditOutcome.DENIED, me.getLogin(), null,
                        String.join(", ", problems));
                throw new InvalidInputException(problems);
            }
            me.newPassword(hasher.hash(next), Instant.now(), policy.getHistorySize());
            audit.record(AuditEvent.PASSWORD_CHANGE, AuditOutcome.SUCCESS, me.getLogin(), null, null);
        } finally {
            Arrays.fill(current, '\0');
            Arrays.fill(next, '\0');
        }
    }

    /** The logged-in person (the directory checks that there is one). */
    private Person caller() {
        return directory.me();
    }

    private LoginResult fail(String name, LoginGuard guard, ClientGuard client, String clientAddress, Instant now,
                             boolean deactivated) {
        if (guard == null) {
            guard = new LoginGuard(name);
            em.persist(guard);
        }
        boolean locked = guard.fail(now, policy);
        audit.record(AuditEvent.LOGIN, AuditOutcome.FAILURE, name, clientAddress,
                (deactivated ? "deactivated account, " : "") + "failure " + guard.failures());
        if (locked) {
            audit.record(AuditEvent.LOCKOUT, AuditOutcome.DENIED, name, clientAddress,
                    "locked until " + guard.lockedUntil());
        }
        if (clientAddress != null) {
            if (client == null) {
                client = new ClientGuard(clientAddress, now);
                em.persist(client);
            }
            if (client.fail(now, policy)) {
                audit.record(AuditEvent.CLIENT_THROTTLED, AuditOutcome.DENIED, name, clientAddress,
                        "client address blocked for " + policy.clientBlock().toMinutes() + " min");
            }
        }
        return LoginResult.refused(locked ? LoginResult.Outcome.LOCKED : LoginResult.Outcome.INVALID);
    }
}
