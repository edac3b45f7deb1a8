package cn.edu.xietong.audit;

import cn.edu.xietong.directory.Person;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Appends to the audit trail (S5). Every area calls this for its security-relevant events. A record is written in a
 * transaction of its own, so refusals and failures are kept even when the action they belong to rolls back. Appends
 * are serialised by locking the chain's head row: one order, one chain, also across servers.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @PersistenceContext
    private EntityManager em;

    @Inject
    private RequestOrigin origin;

    /**
     * Records an event. The actor's unit is looked up from the directory (empty for names no one has); the client
     * address is the current request's when not given.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditRecord record(AuditEvent event, AuditOutcome outcome, String actorLogin, String clientAddress,
                              String detail) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditRecord record = new AuditRecord(head.lastSeq(), head.lastHash(), Instant.now(), event, outcome,
                actorLogin, unitOf(actorLogin), clientAddress != null ? clientAddress : currentClientAddress(), detail);
        em.persist(record);
        head.advance(record);
        return record;
    }

    private String unitOf(String login) {
        if (login == null) {
            return null;
        }
        return Person.byLogin(em, login).map(p -> p.getUnit().getCode()).orElse(null);
    }

    private String currentClientAddress() {
        try {
            return origin.clientAddress();
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }
}
