package cn.edu.xietong.cleanup;

import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.documents.ContentBlob;
import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.mailbox.MailboxCleanup;
import cn.edu.xietong.operations.JobReport;
import cn.edu.xietong.operations.ReportLine;
import cn.edu.xietong.shared.Campus;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules of the weekly cleanup (E3, A4): per {@link CleanupArea}, which items are old enough at the run's fixed
 * {@code now} ({@link #candidates}), and the removal of one of them ({@link #remove}), which checks the rule again in
 * the chunk's transaction, so an item that changed since it was listed (restored, attached, referred to) stays, and a
 * restarted run never removes or reports an item twice. Audit records are no area: they are never removed.
 */
@Stateless
@RolesAllowed({"BATCH_OPERATOR", "SYS_ADMIN"})
public class Sweeps {

    /** Uploads and stored contents younger than this may belong to a form or a document still being written. */
    static final Duration UNATTACHED_GRACE = Duration.ofDays(1);
    /** Login challenges and client throttles are kept this long after they could last matter. */
    static final Duration TOKEN_GRACE = Duration.ofDays(1);

    /** Outbox states no sender will touch again. */
    private static final List<String> OUTBOX_DONE = List.of("SENT", "CANCELLED", "DIGESTED", "FAILED");
    private static final List<String> JOB_ENDED = List.of("COMPLETED", "FAILED", "STOPPED", "ABANDONED");
    private static final Pattern UID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}"
            + "-[0-9a-fA-F]{12}");
    private static final int PAGE = 500;
    /** A stored file (alias f) no mail, notice or conversation names; forms are searched for its uid apart. */
    private static final String NOT_ATTACHED = "not exists (select 1 from mail_attachment a where a.file_uid = f.uid)"
            + " and not exists (select 1 from notice_attachment a where a.file_uid = f.uid)"
            + " and not exists (select 1 from chat_message c where c.file_uid = f.uid)";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Settings settings;

    @EJB
    private MailboxCleanup mailbox;

    /** The items of an area old enough to go at {@code now}, as text ids in the order they are removed. */
    public List<String> candidates(CleanupArea area, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        return switch (area) {
            case MAIL_TRASH -> texts(mailbox.oldTrash(at));
            case MAIL_DRAFTS -> texts(mailbox.oldDrafts(days(at, Setting.CLEANUP_DRAFT_DAYS)));
            case MAIL_PURGE -> texts(mailbox.unheld());
            case CHAT_MESSAGES -> strings(em.createNativeQuery("select distinct conversation_id from chat_message"
                    + " where sent_at < ? order by conversation_id").setParameter(1,
                    sql(days(at, Setting.CLEANUP_MESSAGE_DAYS))));
            case UPLOADS -> unattachedUploads(at.minus(UNATTACHED_GRACE));
            case CONTENT -> em.createNamedQuery(ContentBlob.UNREFERENCED, String.class)
                    .setParameter("before", at.minus(UNATTACHED_GRACE)).getResultList();
            case PRESENCE -> em.createQuery("select distinct d.day from PresenceDay d where d.day < :before"
                            + " order by d.day", LocalDate.class)
                    .setParameter("before", presenceCutoff(at)).getResultStream().map(LocalDate::toString).toList();
            case LOGIN_CHALLENGES -> strings(em.createNativeQuery("select ticket_hash from login_challenge"
                    + " where created_at < ? order by created_at").setParameter(1, sql(challengeCutoff(at))));
            case CLIENT_THROTTLES -> strings(em.createNativeQuery("select address from client_guard"
                            + " where window_start < ? and (blocked_until is null or blocked_until < ?)"
                            + " order by address")
                    .setParameter(1, sql(at.minus(TOKEN_GRACE))).setParameter(2, sql(at.minus(TOKEN_GRACE))));
            case OUTBOX -> strings(em.createNativeQuery("select id from mail_outbox where state in ('SENT',"
                            + " 'CANCELLED', 'DIGESTED', 'FAILED') and created_at < ? order by id")
                    .setParameter(1, sql(days(at, Setting.CLEANUP_OUTBOX_DAYS))));
            case JOB_RUNS -> strings(em.createNativeQuery("select i.jobinstanceid from job_instance i where"
                            + " exists (select 1 from job_execution e where e.jobinstanceid = i.jobinstanceid)"
                            + " and not exists (select 1 from job_execution e where e.jobinstanceid = i.jobinstanceid"
                            + " and (e.batchstatus not in ('COMPLETED', 'FAILED', 'STOPPED', 'ABANDONED')"
                            + " or coalesce(e.endtime, e.lastupdatedtime, e.createtime) >= ?))"
                            + " order by i.jobinstanceid")
                    .setParameter(1, sql(days(at, Setting.CLEANUP_JOB_RUN_DAYS))));
            case JOB_REPORTS -> texts(em.createQuery("select r.id from JobReport r where r.finishedAt is not null"
                            + " and r.startedAt < :before order by r.id", Long.class)
                    .setParameter("before", days(at, Setting.CLEANUP_REPORT_DAYS)).getResultList());
        };
    }

    /**
     * Removes one item of an area if its rule still holds at {@code now}, in the caller's transaction; answers the
     * report line (what, how many, bytes freed), or nothing when the item stays.
     */
    public Optional<ReportLine> remove(CleanupArea area, String id, Instant now) {
        Instant at = now.truncatedTo(ChronoUnit.MICROS);
        String kind = area.kind();
        return switch (area) {
            case MAIL_TRASH -> mailbox.removeTrashed(Long.parseLong(id), at, kind);
            case MAIL_DRAFTS -> mailbox.removeDraft(Long.parseLong(id), days(at, Setting.CLEANUP_DRAFT_DAYS), at, kind);
            case MAIL_PURGE -> mailbox.purge(Long.parseLong(id), kind);
            case CHAT_MESSAGES -> removeMessages(Long.parseLong(id), days(at, Setting.CLEANUP_MESSAGE_DAYS), kind);
            case UPLOADS -> removeUpload(id, at.minus(UNATTACHED_GRACE), kind);
            case CONTENT -> removeContent(id, at.minus(UNATTACHED_GRACE), kind);
            case PRESENCE -> removePresenceDay(LocalDate.parse(id), presenceCutoff(at), kind);
            case LOGIN_CHALLENGES -> removeChallenge(id, challengeCutoff(at), kind);
            case CLIENT_THROTTLES -> removed(em.createNativeQuery("delete from client_guard where address = ?"
                            + " and window_start < ? and (blocked_until is null or blocked_until < ?)")
                    .setParameter(1, id).setParameter(2, sql(at.minus(TOKEN_GRACE)))
                    .setParameter(3, sql(at.minus(TOKEN_GRACE))).executeUpdate(), kind, id, 0);
            case OUTBOX -> removeOutboxMail(Long.parseLong(id), days(at, Setting.CLEANUP_OUTBOX_DAYS), kind);
            case JOB_RUNS -> removeJobInstance(Long.parseLong(id), days(at, Setting.CLEANUP_JOB_RUN_DAYS), kind);
            case JOB_REPORTS -> removeReport(Long.parseLong(id), days(at, Setting.CLEANUP_REPORT_DAYS), kind);
        };
    }

    /**
     * Stored files uploaded before {@code before} that no mail, notice, conversation or flow form refers to. The forms
     * name their files inside their values: one pass over every form's values takes the uids they name out.
     */
    private List<String> unattachedUploads(Instant before) {
        Set<String> unattached = new LinkedHashSet<>(strings(em.createNativeQuery("select f.uid from stored_file f"
                + " where f.uploaded_at < ? and " + NOT_ATTACHED + " order by f.id").setParameter(1, sql(before))));
        long after = Long.MIN_VALUE;
        while (!unattached.isEmpty()) {
            List<?> rows = em.createNativeQuery("select id, values_json from flow_instance where id > ? order by id")
                    .setParameter(1, after).setMaxResults(PAGE).getResultList();
            for (Object row : rows) {
                Object[] columns = (Object[]) row;
                after = ((Number) columns[0]).longValue();
                Matcher uid = UID.matcher(String.valueOf(columns[1]));
                while (uid.find()) {
                    unattached.remove(uid.group());
                }
            }
            if (rows.size() < PAGE) {
                break;
            }
        }
        return new ArrayList<>(unattached);
    }

    private Optional<ReportLine> removeUpload(String uid, Instant before, String kind) {
        List<?> file = em.createNativeQuery("select f.size_bytes, p.login from stored_file f join person p"
                        + " on p.id = f.owner_id where f.uid = ? and f.uploaded_at < ? and " + NOT_ATTACHED)
                .setParameter(1, uid).setParameter(2, sql(before)).getResultList();
        if (file.isEmpty() || count(em.createNativeQuery("select count(*) from flow_instance where values_json like ?")
                .setParameter(1, "%" + uid + "%").getSingleResult()) > 0) {
            return Optional.empty();
        }
        Object[] row = (Object[]) file.get(0);
        em.createNativeQuery("delete from stored_file where uid = ?").setParameter(1, uid).executeUpdate();
        return Optional.of(ReportLine.count(kind, row[1] + ": " + uid, 1, count(row[0])));
    }

    /**
     * Deletes an unreferenced content's file, then its row (the blob is locked: an upload of the same bytes waits).
     * A rolled-back chunk leaves a row without its file, unreferenced: the restarted run deletes it again, and an
     * upload of the same bytes puts the file back first. A row a version names is never touched.
     */
    private Optional<ReportLine> removeContent(String sha256, Instant before, String kind) {
        ContentBlob blob = em.find(ContentBlob.class, sha256, LockModeType.PESSIMISTIC_WRITE);
        if (blob == null || !blob.getCreatedAt().isBefore(before) || count(em.createNativeQuery(
                "select count(*) from doc_version where sha256 = ?").setParameter(1, sha256).getSingleResult()) > 0) {
            return Optional.empty();
        }
        try {
            Files.deleteIfExists(ContentStore.pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("content " + sha256 + " could not be deleted from the store", e);
        }
        em.remove(blob);
        return Optional.of(ReportLine.count(kind, sha256, 1, blob.getSize()));
    }

    /**
     * Removes a conversation's messages sent before {@code before}; the conversation, its members and its newer
     * messages stay (a member's read mark and unread count need no change: they count the messages after it). The
     * bytes freed are those of the texts in UTF-8 (octet_length on both databases); a message's file is freed with the
     * uploads nothing refers to.
     */
    private Optional<ReportLine> removeMessages(long conversationId, Instant before, String kind) {
        Object bytes = em.createNativeQuery("select coalesce(sum(octet_length(body)), 0) from chat_message"
                + " where conversation_id = ? and sent_at < ?").setParameter(1, conversationId)
                .setParameter(2, sql(before)).getSingleResult();
        int rows = em.createNativeQuery("delete from chat_message where conversation_id = ? and sent_at < ?")
                .setParameter(1, conversationId).setParameter(2, sql(before)).executeUpdate();
        return removed(rows, kind, "conversation " + conversationId, count(bytes));
    }

    private Optional<ReportLine> removePresenceDay(LocalDate day, LocalDate before, String kind) {
        if (!day.isBefore(before)) {
            return Optional.empty();
        }
        int rows = em.createQuery("delete from PresenceDay d where d.day = :day").setParameter("day", day)
                .executeUpdate();
        return removed(rows, kind, day.toString(), 0);
    }

    private Optional<ReportLine> removeChallenge(String ticketHash, Instant before, String kind) {
        List<?> login = em.createNativeQuery("select login from login_challenge where ticket_hash = ?"
                + " and created_at < ?").setParameter(1, ticketHash).setParameter(2, sql(before)).getResultList();
        if (login.isEmpty()) {
            return Optional.empty();
        }
        int rows = em.createNativeQuery("delete from login_challenge where ticket_hash = ?").setParameter(1, ticketHash)
                .executeUpdate();
        return removed(rows, kind, String.valueOf(login.get(0)), 0);
    }

    private Optional<ReportLine> removeOutboxMail(long id, Instant before, String kind) {
        List<?> mail = em.createNativeQuery("select state, kind from mail_outbox where id = ? and created_at < ?")
                .setParameter(1, id).setParameter(2, sql(before)).getResultList();
        if (mail.isEmpty() || !OUTBOX_DONE.contains(String.valueOf(((Object[]) mail.get(0))[0]))) {
            return Optional.empty();
        }
        Object[] row = (Object[]) mail.get(0);
        int rows = em.createNativeQuery("delete from mail_outbox where id = ?").setParameter(1, id).executeUpdate();
        return removed(rows, kind, "mail " + id + " (" + row[0] + ", " + row[1] + ")", 0);
    }

    /** Deletes a job instance of the repository with its executions, when every one ended before {@code before}. */
    private Optional<ReportLine> removeJobInstance(long instanceId, Instant before, String kind) {
        List<?> executions = em.createNativeQuery("select batchstatus, coalesce(endtime, lastupdatedtime, createtime)"
                + " from job_execution where jobinstanceid = ?").setParameter(1, instanceId).getResultList();
        if (executions.isEmpty()) {
            return Optional.empty();
        }
        for (Object execution : executions) {
            Object[] row = (Object[]) execution;
            if (!JOB_ENDED.contains(String.valueOf(row[0])) || row[1] == null
                    || !instant(row[1]).isBefore(before)) {
                return Optional.empty();
            }
        }
        List<?> name = em.createNativeQuery("select jobname from job_instance where jobinstanceid = ?")
                .setParameter(1, instanceId).getResultList();
        String steps = "select s.stepexecutionid from step_execution s join job_execution e"
                + " on e.jobexecutionid = s.jobexecutionid where e.jobinstanceid = ?";
        em.createNativeQuery("delete from partition_execution where stepexecutionid in (" + steps + ")")
                .setParameter(1, instanceId).executeUpdate();
        em.createNativeQuery("delete from step_execution where jobexecutionid in (select jobexecutionid"
                + " from job_execution where jobinstanceid = ?)").setParameter(1, instanceId).executeUpdate();
        int runs = em.createNativeQuery("delete from job_execution where jobinstanceid = ?").setParameter(1, instanceId)
                .executeUpdate();
        em.createNativeQuery("delete from job_instance where jobinstanceid = ?").setParameter(1, instanceId)
                .executeUpdate();
        return removed(runs, kind, (name.isEmpty() ? "?" : name.get(0)) + " instance " + instanceId, 0);
    }

    private Optional<ReportLine> removeReport(long reportId, Instant before, String kind) {
        JobReport report = em.find(JobReport.class, reportId);
        if (report == null || !report.isFinished() || !report.getStartedAt().isBefore(before)) {
            return Optional.empty();
        }
        int lines = em.createQuery("delete from JobReportLine l where l.reportId = :r").setParameter("r", reportId)
                .executeUpdate();
        em.remove(report);
        return Optional.of(ReportLine.count(kind, report.getJobName() + " report of instance "
                + report.getJobInstanceId() + " (" + lines + " lines)", 1, 0));
    }

    private Instant days(Instant now, Setting setting) {
        return now.minus(Duration.ofDays(settings.number(setting)));
    }

    private LocalDate presenceCutoff(Instant now) {
        return LocalDate.ofInstant(now, Campus.zone()).minusDays(settings.number(Setting.CLEANUP_PRESENCE_DAYS));
    }

    private static Instant challengeCutoff(Instant now) {
        return now.minus(TOKEN_GRACE);
    }

    private static Optional<ReportLine> removed(int rows, String kind, String subject, long bytes) {
        return rows == 0 ? Optional.empty() : Optional.of(ReportLine.count(kind, subject, rows, bytes));
    }

    private static List<String> texts(List<?> ids) {
        return ids.stream().map(String::valueOf).toList();
    }

    private static List<String> strings(jakarta.persistence.Query query) {
        return texts(query.getResultList());
    }

    private static Timestamp sql(Instant at) {
        return Timestamp.from(at);
    }

    private static long count(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    private static Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        if (value instanceof java.time.LocalDateTime l) {
            return Timestamp.valueOf(l).toInstant();
        }
        if (value instanceof java.util.Date d) {
            return d.toInstant();
        }
        throw new IllegalStateException("a job repository time of type " + value.getClass());
    }
}
