package cn.edu.xietong.web.ops;

import cn.edu.xietong.operations.JobReport;
import cn.edu.xietong.operations.JobReports;
import cn.edu.xietong.operations.JobRun;
import cn.edu.xietong.operations.ReportLine;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs the report panel of ops/jobs.xhtml (C1, E3): the report of any job's run — its totals per kind and its first
 * {@value #SHOWN} lines, with how many more the CSV export ({@code /ops/report.csv}) holds.
 */
@Named
@ViewScoped
public class JobReportView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int SHOWN = 100;

    @EJB
    private JobReports reports;

    private Long instanceId;
    private long executionId;
    private transient JobReport report;
    private transient List<Total> totals;
    private transient List<ReportLine> lines;
    private transient Map<Long, Boolean> exists;

    /** One kind's lines, amounts and bytes. */
    public record Total(String kind, long lines, long amount, long bytes) {
    }

    /** Whether the run's instance has a report (asked again until it has: a run opens its report when it begins). */
    public boolean has(JobRun run) {
        if (exists == null) {
            exists = new HashMap<>();
        }
        if (!exists.getOrDefault(run.instanceId(), false)) {
            exists.put(run.instanceId(), reports.report(run.instanceId()).isPresent());
        }
        return exists.get(run.instanceId());
    }

    public void open(JobRun run) {
        instanceId = run.instanceId();
        executionId = run.executionId();
        report = null;
        totals = null;
        lines = null;
    }

    public void close() {
        instanceId = null;
    }

    public boolean isShowing() {
        return instanceId != null && getReport() != null;
    }

    public long getExecutionId() {
        return executionId;
    }

    public JobReport getReport() {
        if (report == null && instanceId != null) {
            report = reports.report(instanceId).orElse(null);
        }
        return report;
    }

    public List<Total> getTotals() {
        if (totals == null) {
            totals = reports.totals(instanceId).entrySet().stream()
                    .map(e -> new Total(e.getKey(), e.getValue().lines(), e.getValue().amount(), e.getValue().bytes()))
                    .sorted((a, b) -> a.kind().compareTo(b.kind())).toList();
        }
        return totals;
    }

    public List<ReportLine> getLines() {
        if (lines == null) {
            lines = reports.lines(instanceId, SHOWN);
        }
        return lines;
    }

    /** How many lines the page does not show. */
    public long getMore() {
        return Math.max(0, getTotals().stream().mapToLong(Total::lines).sum() - getLines().size());
    }

    public int getShown() {
        return SHOWN;
    }

    /** The CSV export's path inside the application. */
    public String getCsvPath() {
        return "/ops/report.csv?id=" + instanceId;
    }
}
