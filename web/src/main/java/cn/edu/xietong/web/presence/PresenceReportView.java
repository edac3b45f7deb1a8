package cn.edu.xietong.web.presence;

import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.calendar.WorkingCalendar;
import cn.edu.xietong.presence.PresenceReport;
import cn.edu.xietong.presence.PresenceReports;
import cn.edu.xietong.shared.Csv;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

/**
 * Backs presence/report.xhtml (B1): a unit leader (their units) or the supervising office (every unit) reads a working
 * day's presence and exports it for Excel.
 */
@Named
@ViewScoped
public class PresenceReportView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PresenceReports reports;

    @EJB
    private OfficeClock clock;

    @EJB
    private SpecialDays calendar;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private LocalDate day;
    private transient PresenceReport report;

    /** Today if it is a working day, else the last working day before it. */
    @PostConstruct
    void load() {
        LocalDate today = clock.today();
        WorkingCalendar workingDays = calendar.calendar();
        day = workingDays.isWorkingDay(today) ? today : workingDays.previousWorkingDay(today);
        show();
    }

    public void show() {
        try {
            report = reports.report(day);
        } catch (InvalidInputException refused) {
            report = null;
            refused.problems().forEach(messages::error);
        }
    }

    public StreamedContent getExport() {
        PresenceReport shown = reports.report(day);
        StringBuilder csv = new StringBuilder(Csv.BOM).append(Csv.line(messages.text("home.unit"),
                messages.text("home.name"), messages.text("home.login"), messages.text("presence.kind"),
                messages.text("presence.morning"), messages.text("presence.afternoon"),
                messages.text("presence.coverage")));
        for (PresenceReport.UnitPresence unit : shown.units()) {
            String unitName = unit.unit().name(language.getLocale());
            unit.leaders().forEach(a -> csv.append(row(unitName, a, "presence.leader")));
            unit.shortfalls().forEach(a -> csv.append(row(unitName, a, "presence.staff")));
        }
        return DefaultStreamedContent.builder()
                .name("xietong-presence-" + day + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private String row(String unit, PresenceReport.Attendance a, String kind) {
        return Csv.line(unit, a.person().getFullName(), a.person().getLogin(), messages.text(kind),
                messages.text(a.morning() ? "action.yes" : "action.no"),
                messages.text(a.afternoon() ? "action.yes" : "action.no"), a.coveragePercent() + "%");
    }

    public PresenceReport getReport() {
        return report;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }
}
