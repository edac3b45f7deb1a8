package cn.edu.xietong.mailbox;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * The mailbox policy and per-person quotas (A4, O2.1): the system administrator's. Every change is audited with the
 * values before and after (S5). Quotas are about sizes only: nobody reads another's mailbox through this service.
 */
@Stateless
@RolesAllowed("SYS_ADMIN")
public class MailboxPolicies {

    /** A person's quota exception as the administrator lists it, with what they use. */
    public record QuotaException(String login, String name, int quotaMb, long usedBytes, Instant setAt, String setBy)
            implements Serializable {
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @EJB
    private OfficeClock clock;

    @Resource
    private SessionContext context;

    public MailboxPolicy policy() {
        MailboxPolicy policy = em.find(MailboxPolicy.class, MailboxPolicy.ID);
        em.detach(policy);
        return policy;
    }

    public void change(int defaultQuotaMb, int warnPercent, int trashDays) {
        MailboxPolicy policy = em.find(MailboxPolicy.class, MailboxPolicy.ID);
        String before = describe(policy);
        policy.change(defaultQuotaMb, warnPercent, trashDays, clock.now(), caller());
        audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                "mailbox policy: " + before + " -> " + describe(policy));
    }

    public List<QuotaException> exceptions() {
        return em.createNamedQuery(MailQuota.ALL, MailQuota.class).getResultStream().map(q -> {
            Person p = em.find(Person.class, q.getPersonId());
            return new QuotaException(p.getLogin(), p.getFullName(), q.getQuotaMb(),
                    MailEntries.usageOf(em, p).usedBytes(), q.getSetAt(), q.getSetBy());
        }).toList();
    }

    /** Gives a person a quota other than the default. */
    public void setQuota(String login, int quotaMb) {
        Person person = Person.byLogin(em, login).orElseThrow(() -> new DomainException("mailbox.noSuchPerson", login));
        MailQuota quota = em.find(MailQuota.class, person.getId());
        Instant now = clock.now();
        String before = quota == null ? "default" : quota.getQuotaMb() + " MB";
        if (quota == null) {
            em.persist(new MailQuota(person.getId(), quotaMb, now, caller()));
        } else {
            quota.set(quotaMb, now, caller());
        }
        audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                "mail quota of " + login + ": " + before + " -> " + quotaMb + " MB");
    }

    /** The person goes back to the default quota. */
    public void clearQuota(String login) {
        Person person = Person.byLogin(em, login).orElseThrow(() -> new DomainException("mailbox.noSuchPerson", login));
        MailQuota quota = em.find(MailQuota.class, person.getId());
        if (quota != null) {
            em.remove(quota);
            audit.record(AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                    "mail quota of " + login + ": " + quota.getQuotaMb() + " MB -> default");
        }
    }

    private static String describe(MailboxPolicy p) {
        return "quota " + p.getDefaultQuotaMb() + " MB, warn at " + p.getWarnPercent() + " %, trash "
                + p.getTrashDays() + " days";
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
