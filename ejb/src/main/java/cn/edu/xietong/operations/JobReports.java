package cn.edu.xietong.operations;

import cn.edu.xietong.shared.Csv;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The reports of batch runs (C1): what each run did, line by line, for the jobs page, the export and the trend over
 * weeks. Jobs write through {@link #open}, {@link #add} and {@link #finish} from their steps, in the step's or the
 * chunk's transaction, so a line is written exactly once even when a run is restarted from its checkpoint.
 */
@Stateless
@RolesAllowed({"BATCH_OPERATOR", "SYS_ADMIN"})
public class JobReports {

    /**
     * The kind of the line in which a job records how many items it found to work on at the start: the total of its
     * progress bar ({@link BatchJobs#progress}).
     */
    public static final String FOUND = "found";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    /** Opens the report of a job instance; a restarted run finds the report its first run opened. */
    public JobReport open(String jobName, long instanceId, String startedBy) {
        return report(instanceId).orElseGet(() -> {
            JobReport report = new JobReport(jobName, instanceId, startedBy, clock.now());
            em.persist(report);
            em.flush();
            return report;
        });
    }

    /** Adds lines to an open report. */
    public void add(long instanceId, Collection<ReportLine> lines) {
        JobReport report = require(instanceId);
        if (report.isFinished()) {
            throw new IllegalStateException("report of job instance " + instanceId + " is already finished");
        }
        for (ReportLine line : lines) {
            em.persist(new JobReportLine(report.getId(), line, clock.now()));
        }
    }

    /** Ends the report (idempotent: a restarted last step finds it ended). */
    public JobReport finish(long instanceId) {
        JobReport report = require(instanceId);
        if (!report.isFinished()) {
            report.finish(clock.now());
        }
        return report;
    }

    public Optional<JobReport> report(long instanceId) {
        return em.createNamedQuery(JobReport.BY_INSTANCE, JobReport.class)
                .setParameter("instanceId", instanceId)
                .getResultStream().findFirst();
    }

    /** The report's lines, by kind and in the order they were written. */
    public List<ReportLine> lines(long instanceId) {
        return report(instanceId).map(r -> em.createNamedQuery(JobReportLine.OF_REPORT, JobReportLine.class)
                .setParameter("reportId", r.getId())
                .getResultStream().map(JobReportLine::line).toList()).orElse(List.of());
    }

    /** The first {@code max} of the report's lines, by kind and in the order they were written. */
    public List<ReportLine> lines(long instanceId, int max) {
        return report(instanceId).map(r -> em.createNamedQuery(JobReportLine.OF_REPORT, JobReportLine.class)
                .setParameter("reportId", r.getId()).setMaxResults(max)
                .getResultStream().map(JobReportLine::line).toList()).orElse(List.of());
    }

    /** Per kind, how many lines the report of a job instance holds, and their amounts and bytes summed. */
    public Map<String, KindTotal> totals(long instanceId) {
        return report(instanceId).map(r -> totals(List.of(r)).getOrDefault(r.getId(), Map.of())).orElse(Map.of());
    }

    /** The items the run of a job instance found at its start, when its report records them ({@link #FOUND}). */
    public Optional<Long> found(long instanceId) {
        return Optional.ofNullable(totals(instanceId).get(FOUND)).map(KindTotal::amount);
    }

    /** The newest reports of a job, newest first, at most {@code max}. */
    public List<JobReport> newest(String jobName, int max) {
        return em.createNamedQuery(JobReport.NEWEST_OF_JOB, JobReport.class)
                .setParameter("jobName", jobName)
                .setMaxResults(max)
                .getResultList();
    }

    /**
     * Per report and kind, how many lines, their amounts and bytes: the trend of a job over its runs. Reports
     * without a line of a kind have no entry for it.
     */
    public Map<Long, Map<String, KindTotal>> totals(Collection<JobReport> reports) {
        Map<Long, Map<String, KindTotal>> totals = new HashMap<>();
        if (reports.isEmpty()) {
            return totals;
        }
        List<Object[]> rows = em.createNamedQuery(JobReportLine.TOTALS_OF_REPORTS, Object[].class)
                .setParameter("reportIds", reports.stream().map(JobReport::getId).toList())
                .getResultList();
        for (Object[] row : rows) {
            totals.computeIfAbsent((Long) row[0], id -> new LinkedHashMap<>())
                    .put((String) row[1], new KindTotal(((Number) row[2]).longValue(), number(row[3]), number(row[4])));
        }
        return totals;
    }

    /**
     * The report as CSV for a spreadsheet (UTF-8 with BOM, defused cells): one row per line, the kind in the
     * reader's words.
     */
    public String csv(long instanceId, Function<String, String> kindText, String... header) {
        StringBuilder csv = new StringBuilder(Csv.BOM);
        if (header.length > 0) {
            csv.append(Csv.line(header));
        }
        for (ReportLine line : lines(instanceId)) {
            csv.append(Csv.line(kindText.apply(line.kind()), line.subject(), line.link() == null ? "" : line.link(),
                    Long.toString(line.amount()), Long.toString(line.bytes())));
        }
        return csv.toString();
    }

    private JobReport require(long instanceId) {
        return report(instanceId).orElseThrow(
                () -> new IllegalStateException("no report for job instance " + instanceId));
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    /** How many lines of one kind a report holds, and their amounts and bytes summed. */
    public record KindTotal(long lines, long amount, long bytes) {
    }
}
