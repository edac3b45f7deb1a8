package cn.edu.xietong.inspection;

import cn.edu.xietong.operations.JobReport;
import cn.edu.xietong.operations.JobReportLine;
import cn.edu.xietong.operations.ReportLine;
import cn.edu.xietong.shared.Csv;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The confidentiality inspection's reports for the supervising office (O1.7): the newest finished report with its
 * findings grouped by kind, the trend of the last runs (findings per kind per run) and the export. Only the
 * supervising office and the batch operators may read them (S3); other job reports stay with the operators.
 */
@Stateless
@RolesAllowed({"SUPERVISOR", "BATCH_OPERATOR"})
public class InspectionReports {

    /** How many runs the trend shows: about two months of weekly runs. */
    public static final int TREND_RUNS = 8;

    @PersistenceContext
    private EntityManager em;

    /** The findings of one kind. */
    public record Group(FindingKind kind, List<ReportLine> lines) {
    }

    /** A finished run's report: when, by whom, and its findings by kind (kinds without findings left out). */
    public record Report(long instanceId, Instant startedAt, Instant finishedAt, String startedBy, List<Group> groups) {

        public long findings() {
            return groups.stream().mapToLong(g -> g.lines().size()).sum();
        }
    }

    /** One run in the trend: its findings per kind (every kind, 0 when none). */
    public record TrendRow(long instanceId, Instant finishedAt, Map<FindingKind, Long> perKind) {

        public long total() {
            return perKind.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(FindingKind kind) {
            return perKind.getOrDefault(kind, 0L);
        }
    }

    /** The newest finished run's report, if any run has finished. */
    public Optional<Report> newest() {
        return finished(1).stream().findFirst().map(this::toReport);
    }

    /** A finished run's report by its job instance. */
    public Optional<Report> report(long instanceId) {
        return em.createNamedQuery(JobReport.BY_INSTANCE, JobReport.class).setParameter("instanceId", instanceId)
                .getResultStream().filter(r -> r.getJobName().equals(ConfidentialityInspection.JOB))
                .filter(JobReport::isFinished).findFirst().map(this::toReport);
    }

    /** The last {@value #TREND_RUNS} finished runs, newest first, with their findings per kind. */
    public List<TrendRow> trend() {
        List<JobReport> runs = finished(TREND_RUNS);
        List<TrendRow> rows = new ArrayList<>();
        if (runs.isEmpty()) {
            return rows;
        }
        Map<Long, Map<FindingKind, Long>> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(JobReportLine.TOTALS_OF_REPORTS, Object[].class)
                .setParameter("reportIds", runs.stream().map(JobReport::getId).toList()).getResultList()) {
            FindingKind.byKey((String) row[1]).ifPresent(kind -> counts
                    .computeIfAbsent((Long) row[0], id -> new EnumMap<>(FindingKind.class))
                    .put(kind, ((Number) row[2]).longValue()));
        }
        for (JobReport run : runs) {
            Map<FindingKind, Long> perKind = new EnumMap<>(FindingKind.class);
            for (FindingKind kind : FindingKind.values()) {
                perKind.put(kind, counts.getOrDefault(run.getId(), Map.of()).getOrDefault(kind, 0L));
            }
            rows.add(new TrendRow(run.getJobInstanceId(), run.getFinishedAt(), perKind));
        }
        return rows;
    }

    /**
     * A finished run's findings as CSV for a spreadsheet (UTF-8 with BOM, defused cells): kind in the reader's
     * words, subject, link (a path inside Xietong), amount.
     */
    public String csv(long instanceId, Function<FindingKind, String> kindText, String... header) {
        StringBuilder csv = new StringBuilder(Csv.BOM).append(Csv.line(header));
        report(instanceId).ifPresent(report -> report.groups().forEach(group -> group.lines().forEach(line ->
                csv.append(Csv.line(kindText.apply(group.kind()), line.subject(),
                        line.link() == null ? "" : line.link(), Long.toString(line.amount()))))));
        return csv.toString();
    }

    private List<JobReport> finished(int max) {
        // Running reports are few (one at a time): reading a few more than asked finds enough finished ones.
        return em.createNamedQuery(JobReport.NEWEST_OF_JOB, JobReport.class)
                .setParameter("jobName", ConfidentialityInspection.JOB).setMaxResults(max + 5).getResultStream()
                .filter(JobReport::isFinished).limit(max).toList();
    }

    private Report toReport(JobReport report) {
        Map<FindingKind, List<ReportLine>> byKind = new EnumMap<>(FindingKind.class);
        for (JobReportLine line : em.createNamedQuery(JobReportLine.OF_REPORT, JobReportLine.class)
                .setParameter("reportId", report.getId()).getResultList()) {
            ReportLine l = line.line();
            FindingKind.byKey(l.kind()).ifPresent(kind -> byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(l));
        }
        List<Group> groups = byKind.entrySet().stream().map(e -> new Group(e.getKey(), List.copyOf(e.getValue())))
                .toList();
        return new Report(report.getJobInstanceId(), report.getStartedAt(), report.getFinishedAt(),
                report.getStartedBy(), groups);
    }
}
