package cn.edu.xietong.web.oversight;

import cn.edu.xietong.freshness.ContentFreshness;
import cn.edu.xietong.freshness.FreshnessReport;
import cn.edu.xietong.shared.Csv;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Formats;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Backs oversight/freshness.xhtml (O1.6): the content-freshness board of the supervising office — per unit and module,
 * the last publication, items per month (a bar chart of the school's months above the table), items showing past
 * their review date; exported as CSV.
 */
@Named
@RequestScoped
public class FreshnessView {

    @EJB
    private ContentFreshness freshness;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    @Inject
    private Formats formats;

    private FreshnessReport report;

    public FreshnessReport getReport() {
        if (report == null) {
            report = freshness.report();
        }
        return report;
    }

    /** "2026-11" as the page shows a month. */
    public String month(YearMonth month) {
        return month.toString();
    }

    public StreamedContent getExport() {
        FreshnessReport shown = freshness.report();
        List<String> header = new ArrayList<>(List.of(messages.text("home.unit"), messages.text("freshness.module"),
                messages.text("freshness.last")));
        shown.months().forEach(m -> header.add(m.toString()));
        header.addAll(List.of(messages.text("freshness.published"), messages.text("freshness.showing"),
                messages.text("freshness.pastReview")));
        StringBuilder csv = new StringBuilder(Csv.BOM).append(Csv.line(header.toArray(String[]::new)));
        for (FreshnessReport.Row row : shown.rows()) {
            List<String> cells = new ArrayList<>(List.of(row.unit().name().in(language.getLocale()),
                    messages.text("freshness.kind." + row.kind()),
                    row.lastPublished() == null ? "" : formats.dateTime(row.lastPublished())));
            row.perMonth().forEach(n -> cells.add(String.valueOf(n)));
            cells.addAll(List.of(String.valueOf(row.published()), String.valueOf(row.showing()),
                    String.valueOf(row.pastReview())));
            csv.append(Csv.line(cells.toArray(String[]::new)));
        }
        return DefaultStreamedContent.builder()
                .name("xietong-freshness-" + YearMonth.from(shown.at().atZone(cn.edu.xietong.shared.Campus.zone()))
                        + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .build();
    }
}
