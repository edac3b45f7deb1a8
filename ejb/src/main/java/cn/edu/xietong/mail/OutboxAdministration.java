package cn.edu.xietong.mail;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The system administrator's view of the outbox (C2): counts by state, the queue newest first, and per mail "retry
 * now" or "cancel", each recorded in the audit trail (S5). A mail id that does not exist is refused as any forged id
 * is (an {@link EJBAccessException}: 403 on the pages); a mail in flight or already sent cannot be changed. The queue
 * shows a mail's subject, never more of it: mails carry only an object's name and a link (S4).
 */
@Stateless
@RolesAllowed("SYS_ADMIN")
public class OutboxAdministration {

    public static final int LIST_LIMIT = 200;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** How many mails are in each state (every state, zero included). */
    public Map<OutboxState, Long> counts() {
        Map<OutboxState, Long> counts = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            counts.put(state, 0L);
        }
        for (Object[] row : em.createNamedQuery(OutboxMail.COUNT_BY_STATE, Object[].class).getResultList()) {
            counts.put((OutboxState) row[0], (Long) row[1]);
        }
        return counts;
    }

    /** The newest mails in a state (all states if null), at most {@code max}. */
    public List<QueuedMail> queue(OutboxState state, int max) {
        var query = state == null ? em.createNamedQuery(OutboxMail.NEWEST, OutboxMail.class)
                : em.createNamedQuery(OutboxMail.NEWEST_IN, OutboxMail.class).setParameter("state", state);
        return query.setMaxResults(Math.max(1, Math.min(max, LIST_LIMIT))).getResultStream().map(QueuedMail::of)
                .toList();
    }

    /**
     * Has a waiting or failed mail tried again at once (a failed one with a fresh set of attempts).
     *
     * @throws DomainException {@code mail.outbox.notRetryable} for a mail held, in flight, sent or cancelled
     */
    public QueuedMail retry(long id) {
        OutboxMail mail = find(id);
        if (!mail.retryNow(clock.now())) {
            throw new DomainException("mail.outbox.notRetryable", id);
        }
        audit.record(AuditEvent.MAIL_RETRY, AuditOutcome.SUCCESS, caller(), null, "outbox " + id + " to "
                + mail.getRecipient());
        return QueuedMail.of(mail);
    }

    /**
     * Stops a mail that is held, waiting or failed.
     *
     * @throws DomainException {@code mail.outbox.notCancellable} for a mail in flight, sent or cancelled
     */
    public QueuedMail cancel(long id) {
        OutboxMail mail = find(id);
        if (!mail.cancel()) {
            throw new DomainException("mail.outbox.notCancellable", id);
        }
        audit.record(AuditEvent.MAIL_CANCEL, AuditOutcome.SUCCESS, caller(), null, "outbox " + id + " to "
                + mail.getRecipient());
        return QueuedMail.of(mail);
    }

    private OutboxMail find(long id) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        if (mail == null) {
            throw new EJBAccessException(caller() + " asked for outbox mail " + id + ", which does not exist");
        }
        return mail;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
