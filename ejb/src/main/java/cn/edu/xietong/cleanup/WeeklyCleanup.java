package cn.edu.xietong.cleanup;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.operations.JobReport;
import cn.edu.xietong.operations.JobReports;
import cn.edu.xietong.operations.ReportLine;
import cn.edu.xietong.operations.ReportedJob;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The weekly cleanup job's service (E3, A4): {@link #begin} opens the run's report and counts what there is to remove,
 * each chunk lists an area's candidates, removes them one by one and records the removals in the chunk's transaction,
 * and {@link #finish} closes the report with an audit record summing it up. The run's {@code now} is the moment its
 * report was opened: a restarted run judges every age against the same moment, and goes on from the last committed
 * chunk (what was removed is no candidate any more). Audit records are counted as kept, never removed.
 */
@Stateless
@LocalBean
@Local(ReportedJob.class)
@RolesAllowed({"BATCH_OPERATOR", "SYS_ADMIN"})
public class WeeklyCleanup implements ReportedJob {

    /** The job's XML name. */
    public static final String JOB = "weekly-cleanup";
    /** The report line kind of the items found at the start (the progress bar's total). */
    public static final String FOUND = JobReports.FOUND;
    /** The report line kind of the audit records kept (all of them). */
    public static final String AUDIT_KEPT = "cleanup.auditKept";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private JobReports reports;

    @EJB
    private Sweeps sweeps;

    @EJB
    private AuditTrail audit;

    @Override
    public String jobName() {
        return JOB;
    }

    /** Opens the run's report and records how many items the areas hold now; a restarted run finds both. */
    @Override
    public void begin(long instanceId, String startedBy) {
        if (reports.report(instanceId).isPresent()) {
            return;
        }
        JobReport report = reports.open(JOB, instanceId, startedBy);
        Instant now = moment(report);
        long found = 0;
        for (CleanupArea area : CleanupArea.values()) {
            found += sweeps.candidates(area, now).size();
        }
        reports.add(instanceId, List.of(ReportLine.count(FOUND, "items to remove found at the start", found, 0)));
    }

    /** The items of an area old enough to go at the run's moment. */
    public List<String> candidates(long instanceId, CleanupArea area) {
        return sweeps.candidates(area, now(instanceId));
    }

    /** Removes one item, in the chunk's transaction; {@code null} when it stays (the job's processor filters it). */
    public ReportLine remove(long instanceId, CleanupArea area, String id) {
        return sweeps.remove(area, id, now(instanceId)).orElse(null);
    }

    /** Writes a chunk's removals into the run's report, in the chunk's transaction. */
    public void record(long instanceId, Collection<ReportLine> lines) {
        if (!lines.isEmpty()) {
            reports.add(instanceId, lines);
        }
    }

    /**
     * Records the audit records kept, ends the report and writes the audit record {@code CLEANUP} with the totals per
     * area; answers that summary. A restarted last step finds the report ended and writes nothing twice.
     */
    @Override
    public String finish(long instanceId, String startedBy) {
        JobReport report = reports.report(instanceId)
                .orElseThrow(() -> new IllegalStateException("no cleanup report for job instance " + instanceId));
        if (!report.isFinished()) {
            long auditRecords = em.createQuery("select count(r) from AuditRecord r", Long.class).getSingleResult();
            reports.add(instanceId, List.of(ReportLine.count(AUDIT_KEPT, "audit_record", auditRecords, 0)));
        }
        String summary = summary(report);
        if (!report.isFinished()) {
            reports.finish(instanceId);
            audit.record(AuditEvent.CLEANUP, AuditOutcome.SUCCESS, startedBy, null,
                    "job instance " + instanceId + ": " + summary);
        }
        return summary;
    }

    private String summary(JobReport report) {
        Map<String, JobReports.KindTotal> totals = reports.totals(report.getJobInstanceId());
        StringBuilder text = new StringBuilder();
        long items = 0;
        long bytes = 0;
        for (CleanupArea area : CleanupArea.values()) {
            JobReports.KindTotal total = totals.get(area.kind());
            long amount = total == null ? 0 : total.lines();
            long freed = total == null ? 0 : total.bytes();
            items += amount;
            bytes += freed;
            text.append(area.kind().substring("cleanup.".length())).append(' ').append(amount);
            if (freed > 0) {
                text.append(" (").append(freed).append(" B)");
            }
            text.append(", ");
        }
        JobReports.KindTotal kept = totals.get(AUDIT_KEPT);
        return items + " items removed, " + bytes + " B freed: " + text + "audit records kept "
                + (kept == null ? 0 : kept.amount());
    }

    private Instant now(long instanceId) {
        return moment(reports.report(instanceId)
                .orElseThrow(() -> new IllegalStateException("no cleanup report for job instance " + instanceId)));
    }

    private static Instant moment(JobReport report) {
        return report.getStartedAt().truncatedTo(ChronoUnit.MICROS);
    }
}
