package cn.edu.xietong.it.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Rows of every area the weekly cleanup sweeps, planted or aged by plain SQL (E3, A4): the services stamp the present,
 * so a test that needs an old item writes its old time here. Planted rows take negative ids, which no sequence hands
 * out.
 */
@Stateless
public class CleanupData {

    private static final Set<String> TABLES = Set.of("stored_file", "content_blob", "login_challenge", "client_guard",
            "mail_outbox", "job_report", "job_instance", "mail_message", "presence_day", "audit_record", "chat_message");

    @PersistenceContext
    private EntityManager em;

    private static Timestamp sql(Instant at) {
        return Timestamp.from(at);
    }

    private static long negativeId() {
        return -ThreadLocalRandom.current().nextLong(1, Long.MAX_VALUE / 2);
    }

    /** Every entry of a mail that is in a trash went there at {@code at}. */
    public void trashedAt(long mailId, Instant at) {
        em.createNativeQuery("update mail_entry set trashed_at = ? where message_id = ? and folder = 'TRASH'")
                .setParameter(1, sql(at)).setParameter(2, mailId).executeUpdate();
    }

    /** A draft was last saved at {@code at}. */
    public void draftSavedAt(long mailId, Instant at) {
        em.createNativeQuery("update mail_message set created_at = ?, updated_at = ? where id = ?")
                .setParameter(1, sql(at)).setParameter(2, sql(at)).setParameter(3, mailId).executeUpdate();
    }

    /** An instant message was sent at {@code at}. */
    public void messageSentAt(long messageId, Instant at) {
        em.createNativeQuery("update chat_message set sent_at = ? where id = ?").setParameter(1, sql(at))
                .setParameter(2, messageId).executeUpdate();
    }

    public void uploadedAt(String uid, Instant at) {
        em.createNativeQuery("update stored_file set uploaded_at = ? where uid = ?").setParameter(1, sql(at))
                .setParameter(2, uid).executeUpdate();
    }

    public void storedAt(String sha256, Instant at) {
        em.createNativeQuery("update content_blob set created_at = ? where sha256 = ?").setParameter(1, sql(at))
                .setParameter(2, sha256).executeUpdate();
    }

    /** Every execution of a job instance ran and ended at {@code at}. */
    public void ranAt(long jobInstanceId, Instant at) {
        em.createNativeQuery("update job_execution set createtime = ?, starttime = ?, endtime = ?, lastupdatedtime = ?"
                        + " where jobinstanceid = ?").setParameter(1, sql(at)).setParameter(2, sql(at))
                .setParameter(3, sql(at)).setParameter(4, sql(at)).setParameter(5, jobInstanceId).executeUpdate();
    }

    /** An outbox mail in a state, made at {@code createdAt}, its next attempt far ahead (no sender takes it). */
    public long outbox(String state, Instant createdAt) {
        long id = negativeId();
        em.createNativeQuery("insert into mail_outbox (id, kind, recipient, subject, body, message_id, state,"
                        + " created_at, attempts, next_attempt_at, version) values (?, 'TEST.CLEANUP', 'cleanup@example.edu.cn',"
                        + " 'cleanup', 'cleanup', ?, ?, ?, 0, ?, 0)")
                .setParameter(1, id).setParameter(2, "<" + UUID.randomUUID() + ".outbox@xietong>")
                .setParameter(3, state).setParameter(4, sql(createdAt))
                .setParameter(5, sql(Instant.parse("2100-01-01T00:00:00Z"))).executeUpdate();
        return id;
    }

    /** A client address's failed-login window that began at {@code windowStart}, not blocked. */
    public void clientGuard(String address, Instant windowStart) {
        em.createNativeQuery("insert into client_guard (address, failures, window_start) values (?, 1, ?)")
                .setParameter(1, address).setParameter(2, sql(windowStart)).executeUpdate();
    }

    /** A finished job report of a job instance that started at {@code at}, with one line; answers its id. */
    public long jobReport(String jobName, Instant at) {
        long id = negativeId();
        em.createNativeQuery("insert into job_report (id, job_name, job_instance_id, started_by, started_at,"
                        + " finished_at, version) values (?, ?, ?, 'cleanup-test', ?, ?, 0)")
                .setParameter(1, id).setParameter(2, jobName).setParameter(3, negativeId()).setParameter(4, sql(at))
                .setParameter(5, sql(at)).executeUpdate();
        em.createNativeQuery("insert into job_report_line (id, report_id, kind, subject, amount, bytes, recorded_at)"
                        + " values (?, ?, 'test.line', 'a line', 1, 0, ?)")
                .setParameter(1, negativeId()).setParameter(2, id).setParameter(3, sql(at)).executeUpdate();
        return id;
    }

    /** How many rows of a table have the value in the column. */
    public long count(String table, String column, Object value) {
        if (!TABLES.contains(table) || !column.matches("[a-z_0-9]+")) {
            throw new IllegalArgumentException(table + "." + column);
        }
        return ((Number) em.createNativeQuery("select count(*) from " + table + " where " + column + " = ?")
                .setParameter(1, value).getSingleResult()).longValue();
    }

    /** How many audit records there are up to a sequence number (all of them with {@link Long#MAX_VALUE}). */
    public long auditRecordsUpTo(long seq) {
        return ((Number) em.createNativeQuery("select count(*) from audit_record where seq <= ?").setParameter(1, seq)
                .getSingleResult()).longValue();
    }

    public long lastAuditSeq() {
        return ((Number) em.createNativeQuery("select max(seq) from audit_record").getSingleResult()).longValue();
    }
}
