package cn.edu.xietong.audit;

import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.Csv;
import cn.edu.xietong.shared.Logins;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Reading the audit trail: search, verify, export (S5). For the audit administrator only (separation of duties, S3);
 * verifying and exporting are themselves recorded.
 */
@Stateless
@RolesAllowed("AUDIT_ADMIN")
public class AuditLog {

    /** Records read per round trip when the whole chain is verified. */
    private static final int BATCH = 1000;
    private static final DateTimeFormatter CSV_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS").withZone(Campus.zone());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail trail;

    @EJB
    private ServerKeys keys;

    @EJB
    private HeadLog heads;

    @Resource
    private SessionContext context;

    /** The newest matching records first, at most {@code max}. */
    public List<AuditRecord> search(AuditQuery query, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<AuditRecord> select = cb.createQuery(AuditRecord.class);
        Root<AuditRecord> r = select.from(AuditRecord.class);
        List<Predicate> where = new ArrayList<>();
        if (query.from() != null) {
            where.add(cb.greaterThanOrEqualTo(r.get("occurredAt"), query.from()));
        }
        if (query.to() != null) {
            where.add(cb.lessThan(r.get("occurredAt"), query.to()));
        }
        if (query.actorLogin() != null && !query.actorLogin().isBlank()) {
            where.add(cb.equal(r.get("actorLogin"), Logins.normalise(query.actorLogin())));
        }
        if (query.event() != null) {
            where.add(cb.equal(r.get("event"), query.event()));
        }
        if (query.outcome() != null) {
            where.add(cb.equal(r.get("outcome"), query.outcome()));
        }
        select.where(where.toArray(Predicate[]::new)).orderBy(cb.desc(r.get("seq")));
        return em.createQuery(select).setMaxResults(max).getResultList();
    }

    /**
     * Walks the whole chain and reports the first record that does not fit: altered, removed, reordered, not signed
     * by the server, or behind the latest head this server recorded outside the database (B3, S5). Every record's
     * signature is checked (some tens of microseconds each).
     */
    public ChainVerification verify() {
        AuditChainHead head = em.find(AuditChainHead.class, AuditChainHead.ID);
        ChainWalker walker = new ChainWalker(keys::verifies,
                heads.latest(HeadLog.auditChain(head.chainId())).orElse(null));
        List<AuditRecord> batch;
        boolean going = true;
        do {
            batch = em.createNamedQuery(AuditRecord.CHAIN, AuditRecord.class)
                    .setParameter("after", walker.lastGoodSeq())
                    .setMaxResults(BATCH).getResultList();
            for (AuditRecord record : batch) {
                going = walker.accept(record);
                if (!going) {
                    break;
                }
            }
            em.clear();
        } while (going && batch.size() == BATCH);
        ChainVerification result = walker.finish(head.lastSeq(), head.lastHash(), head.chainId(),
                head.signature());
        trail.record(AuditEvent.AUDIT_VERIFY, AuditOutcome.SUCCESS, caller(), null,
                result.intact() ? "intact, " + result.checked() + " records"
                        : "broken at " + result.brokenAtSeq() + " (" + result.problem() + ")");
        return result;
    }

    /**
     * The matching records as CSV (UTF-8 with a byte-order mark, so Excel opens the Chinese text correctly), oldest
     * first, at most {@code max}.
     */
    public String exportCsv(AuditQuery query, int max) {
        List<AuditRecord> records = new ArrayList<>(search(query, max));
        java.util.Collections.reverse(records);
        StringBuilder csv = new StringBuilder(Csv.BOM + "seq,time,event,outcome,login,unit,client,detail,hash\r\n");
        for (AuditRecord r : records) {
            csv.append(r.getSeq()).append(',')
                    .append(CSV_TIME.format(r.getOccurredAt())).append(',')
                    .append(r.getEvent()).append(',')
                    .append(r.getOutcome()).append(',')
                    .append(Csv.cell(r.getActorLogin())).append(',')
                    .append(Csv.cell(r.getActorUnit())).append(',')
                    .append(Csv.cell(r.getClientAddress())).append(',')
                    .append(Csv.cell(r.getDetail())).append(',')
                    .append(r.getHash()).append("\r\n");
        }
        trail.record(AuditEvent.AUDIT_EXPORT, AuditOutcome.SUCCESS, caller(), null, records.size() + " records");
        return csv.toString();
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
