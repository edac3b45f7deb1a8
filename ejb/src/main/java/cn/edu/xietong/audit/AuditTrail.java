package cn.edu.xietong.audit;

import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.logging.Logger;

/**
 * Appends to the audit trail (S5). Every area calls this for its security-relevant events. A record is written in a
 * transaction of its own, so refusals and failures are kept even when the action they belong to rolls back. Appends
 * are serialised by locking the chain's head row: one order, one chain, also across servers.
 * <p>
 * Each record and the new head are signed with the server's key (one Ed25519 signature each, and one check of the
 * head's signature, tens of microseconds), and the new head goes to the heads file after the commit. A head found
 * without a valid signature is not signed again, so that an append never launders records removed before it.
 */
@Stateless
@PermitAll
public class AuditTrail {

    @EJB
    private OfficeClock clock;

    @Inject
    private ActorUnits actorUnits;

    @PersistenceContext
    private EntityManager em;

    private static final Logger LOG = Logger.getLogger(AuditTrail.class.getName());

    @Inject
    private RequestOrigin origin;

    @EJB
    private ServerKeys keys;

    @EJB
    private HeadLog heads;

    /**
     * Records an event. The actor's unit is looked up from the directory (empty for names no one has); the client
     * address is the current request's when not given.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public AuditRecord record(AuditEvent event, AuditOutcome outcome, String actorLogin, String clientAddress,
                              String detail) {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID, LockModeType.PESSIMISTIC_WRITE);
        AuditRecord record = new AuditRecord(head.lastSeq(), head.lastHash(), clock.now(), event, outcome,
                actorLogin, unitOf(actorLogin), clientAddress != null ? clientAddress : currentClientAddress(), detail);
        record.sign(keys.sign(AuditSignatures.record(record.getHash())));
        boolean headSigned = head.signature() != null && keys.verifies(head.signedBytes(), head.signature());
        if (!headSigned) {
            LOG.severe(() -> "the audit chain's head (record " + head.lastSeq() + ") does not carry this server's "
                    + "signature: records after it may have been removed; it stays unsigned until it is repaired");
        }
        String chain = HeadLog.auditChain(head.chainId());
        heads.latest(chain).filter(latest -> latest.seq() > head.lastSeq()).ifPresent(latest -> LOG.severe(() ->
                "the audit chain in the database ends at record " + head.lastSeq() + ", before record " + latest.seq()
                        + " this server committed: the database was put back to an older state"));
        em.persist(record);
        head.advance(record, headSigned ? keys::sign : null);
        heads.afterCommit(chain, record.getSeq(), record.getHash());
        return record;
    }

    private String unitOf(String login) {
        if (login == null) {
            return null;
        }
        return actorUnits.unitCodeOf(login).orElse(null);
    }

    private String currentClientAddress() {
        try {
            return origin.clientAddress();
        } catch (ContextNotActiveException noRequest) {
            return null;
        }
    }
}
