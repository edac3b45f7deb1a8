package cn.edu.xietong.web.audit;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.audit.ChainVerification;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Backs audit/trail.xhtml: filter the audit trail, verify its chain, export what the filter shows. */
@Named
@ViewScoped
public class AuditTrailView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MAX_SHOWN = 500;
    static final int MAX_EXPORTED = 100_000;

    @EJB
    private AuditLog audit;

    @EJB
    private OfficeClock clock;

    @Inject
    private Messages messages;

    private LocalDate from;
    private LocalDate to;
    private String login;
    private AuditEvent event;
    private AuditOutcome outcome;
    private transient List<AuditRecord> records;

    public void search() {
        records = null;
    }

    public List<AuditRecord> getRecords() {
        if (records == null) {
            records = audit.search(query(), MAX_SHOWN);
        }
        return records;
    }

    public void verify() {
        ChainVerification result = audit.verify();
        if (result.intact()) {
            messages.info("audit.verify.intact", result.checked());
        } else {
            messages.error("audit.verify.broken", result.brokenAtSeq(),
                    messages.text("audit.problem." + result.problem()));
        }
        records = null;
    }

    public StreamedContent getExport() {
        return DefaultStreamedContent.builder()
                .name("xietong-audit-" + clock.today() + ".csv")
                .contentType("text/csv; charset=UTF-8")
                .stream(() -> new ByteArrayInputStream(
                        audit.exportCsv(query(), MAX_EXPORTED).getBytes(StandardCharsets.UTF_8)))
                .build();
    }

    private AuditQuery query() {
        return new AuditQuery(startOf(from), to == null ? null : startOf(to.plusDays(1)), login, event, outcome);
    }

    private static Instant startOf(LocalDate day) {
        return day == null ? null : day.atStartOfDay(Campus.zone()).toInstant();
    }

    public AuditEvent[] getEvents() {
        return AuditEvent.values();
    }

    public AuditOutcome[] getOutcomes() {
        return AuditOutcome.values();
    }

    public LocalDate getFrom() {
        return from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getTo() {
        return to;
    }

    public void setTo(LocalDate to) {
        this.to = to;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public AuditEvent getEvent() {
        return event;
    }

    public void setEvent(AuditEvent event) {
        this.event = event;
    }

    public AuditOutcome getOutcome() {
        return outcome;
    }

    public void setOutcome(AuditOutcome outcome) {
        this.outcome = outcome;
    }
}
