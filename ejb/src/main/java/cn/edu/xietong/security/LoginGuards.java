package cn.edu.xietong.security;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;

import java.time.Instant;

/**
 * Counts guesses at a login name and from a client address (S2, S3) so that concurrent attempts are counted one after
 * the other and none is checked once the name is locked.
 * <p>
 * Each attempt is counted as a failure <em>before</em> its password or code is checked ({@link #admit}), and the
 * count is taken back when the check succeeds ({@link #release}, {@link #clear}). So fifty parallel guesses at a name
 * are fifty counts, and the sixth finds the name locked and is refused without a check, even while the first five are
 * still being checked. Each count is a short transaction of its own that only locks the guard row ({@code
 * PESSIMISTIC_WRITE}: {@code select ... for update} on H2 and PostgreSQL alike) and commits: no lock is held while a
 * password is hashed, and a count survives the rollback of a refused request.
 * <p>
 * A row lock locks nothing before the row exists, so a missing row is first inserted in a transaction of its own; of
 * two attempts inserting it at once one fails on the duplicate key, which is fine: the other's row serves.
 */
@Stateless
@PermitAll // used before anyone is logged in
public class LoginGuards {

    private static final int ATTEMPTS = 3;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    private final LoginPolicy policy = LoginPolicy.current();

    /** What became of an attempt: admitted to be checked (and counted), or refused before any check. */
    public enum Verdict { ADMITTED, LOCKED, THROTTLED }

    /**
     * An attempt as counted.
     *
     * @param failures    the name's failures counting this attempt (when admitted)
     * @param locksNow    whether this attempt, should it fail, is the one that locked the name
     * @param lockedUntil until when the name is locked (when locked, or when this attempt locks it)
     */
    public record Admission(Verdict verdict, int failures, boolean locksNow, Instant lockedUntil) {
    }

    /**
     * Admits one attempt at a login name from a client address, counting it as a failure of the name until it is
     * {@link #release released}: refused if the address is blocked (not counted) or the name is locked. Runs outside
     * the caller's transaction, in transactions of its own, before the caller checks anything.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Admission admit(String login, String clientAddress, Instant now) {
        if (clientAddress != null) {
            ClientGuard client = em.find(ClientGuard.class, clientAddress);
            if (client != null && client.blockedAt(now)) {
                return new Admission(Verdict.THROTTLED, 0, false, null);
            }
        }
        LoginGuards self = context.getBusinessObject(LoginGuards.class);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (self.create(login, null, now)) {
                return self.countAttempt(login, now);
            }
        }
        throw new IllegalStateException("no login guard row for " + login + " after " + ATTEMPTS + " attempts");
    }

    /** The admitted attempt was right, but is not a login yet (a second step follows): it no longer counts. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void release(String login) {
        LoginGuard guard = em.find(LoginGuard.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (guard != null) {
            guard.release(policy);
        }
    }

    /** A successful login: the name's count starts again. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void clear(String login) {
        LoginGuard guard = em.find(LoginGuard.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (guard != null) {
            guard.clear();
        }
    }

    /** Counts a failed attempt against the client address; returns true when this failure blocks the address. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public boolean clientFailed(String clientAddress, Instant now) {
        LoginGuards self = context.getBusinessObject(LoginGuards.class);
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            if (self.create(null, clientAddress, now)) {
                return self.countClientFailure(clientAddress, now);
            }
        }
        throw new IllegalStateException("no client guard row for " + clientAddress + " after " + ATTEMPTS
                + " attempts");
    }

    /** Only for {@link #admit}: locks the name's guard and counts the attempt unless the name is locked. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Admission countAttempt(String login, Instant now) {
        LoginGuard guard = em.find(LoginGuard.class, login, LockModeType.PESSIMISTIC_WRITE);
        if (guard.lockedAt(now)) {
            return new Admission(Verdict.LOCKED, guard.failures(), false, guard.lockedUntil());
        }
        boolean locks = guard.fail(now, policy);
        return new Admission(Verdict.ADMITTED, guard.failures(), locks, guard.lockedUntil());
    }

    /** Only for {@link #clientFailed}: locks the address's guard and counts the failure. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean countClientFailure(String clientAddress, Instant now) {
        return em.find(ClientGuard.class, clientAddress, LockModeType.PESSIMISTIC_WRITE).fail(now, policy);
    }

    /**
     * Only for {@link #admit} and {@link #clientFailed}: makes the guard row of a name or an address with no failures
     * unless it exists; false when a concurrent attempt was inserting it at the same moment (look again).
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean create(String login, String clientAddress, Instant now) {
        Object existing = login != null ? em.find(LoginGuard.class, login) : em.find(ClientGuard.class, clientAddress);
        if (existing != null) {
            return true;
        }
        try {
            em.persist(login != null ? new LoginGuard(login) : new ClientGuard(clientAddress, now));
            em.flush();
            return true;
        } catch (PersistenceException madeMeanwhile) {
            context.setRollbackOnly(); // a duplicate key (or a lock wait that ended): the other attempt's row serves
            return false;
        }
    }
}
