package cn.edu.xietong.web.oversight;

import cn.edu.xietong.inspection.FindingKind;
import cn.edu.xietong.inspection.InspectionReports;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Backs oversight/inspection.xhtml (O1.7): the supervising office's view of the confidentiality inspection — the
 * newest run's findings (or the run a notification names, {@code ?run=}) grouped by kind with their links, the trend
 * of the last runs as bars, and the export. The service refuses everyone but the supervising office and the batch
 * operators.
 */
@Named
@RequestScoped
public class InspectionView {

    @EJB
    private InspectionReports reports;

    @Inject
    private Messages messages;

    private Long run;
    private Optional<InspectionReports.Report> report;
    private List<InspectionReports.TrendRow> trend;

    public Long getRun() {
        return run;
    }

    public void setRun(Long run) {
        this.run = run;
    }

    /** The report shown: the run asked for if it has finished, else the newest; null when no run has finished. */
    public InspectionReports.Report getReport() {
        if (report == null) {
            report = run == null ? reports.newest() : reports.report(run).or(reports::newest);
        }
        return report.orElse(null);
    }

    public List<InspectionReports.TrendRow> getTrend() {
        if (trend == null) {
            trend = reports.trend();
        }
        return trend;
    }

    /** The longest bar's total, so each run's bar is a share of it. */
    public int barPercent(InspectionReports.TrendRow row) {
        long peak = getTrend().stream().mapToLong(InspectionReports.TrendRow::total).max().orElse(0);
        return peak == 0 ? 0 : (int) Math.max(1, row.total() * 100 / peak);
    }

    public List<FindingKind> getKinds() {
        return List.of(FindingKind.values());
    }

    public String kindText(FindingKind kind) {
        return messages.text("report." + kind.key());
    }

    public StreamedContent getExport() {
        InspectionReports.Report shown = getReport();
        String csv = shown == null ? "" : reports.csv(shown.instanceId(), this::kindText,
                messages.text("inspection.kind"), messages.text("inspection.subject"),
                messages.text("inspection.link"), messages.text("inspection.amount"));
        String day = shown == null ? "none" : LocalDate.ofInstant(shown.finishedAt(), Campus.zone()).toString();
        return DefaultStreamedContent.builder()
                .name("xietong-inspection-" + day + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
