package cn.edu.xietong.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * One thing a batch run did or found, in its {@link JobReport}: its kind (the suffix of a message key
 * {@code report.<kind>}), what it concerns, where the reader can look at it, how many and how many bytes.
 */
@Entity
@Table(name = "job_report_line")
@NamedQuery(name = JobReportLine.OF_REPORT,
        query = "select l from JobReportLine l where l.reportId = :reportId order by l.kind, l.id")
@NamedQuery(name = JobReportLine.TOTALS_OF_REPORTS,
        query = "select l.reportId, l.kind, count(l), sum(l.amount), sum(l.bytes) from JobReportLine l"
                + " where l.reportId in :reportIds group by l.reportId, l.kind")
public class JobReportLine {

    public static final String OF_REPORT = "JobReportLine.ofReport";
    public static final String TOTALS_OF_REPORTS = "JobReportLine.totalsOfReports";

    public static final int SUBJECT_LENGTH = 500;

    @Id
    @SequenceGenerator(name = "job_report_line_seq", sequenceName = "job_report_line_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_report_line_seq")
    private Long id;

    @Column(name = "report_id", nullable = false)
    private long reportId;

    @Column(nullable = false, length = 64)
    private String kind;

    @Column(nullable = false, length = SUBJECT_LENGTH)
    private String subject;

    @Column(length = 500)
    private String link;

    @Column(nullable = false)
    private long amount;

    @Column(nullable = false)
    private long bytes;

    @Column(name = "recorded_at", nullable = false)
    private Instant recordedAt;

    protected JobReportLine() {
    }

    JobReportLine(long reportId, ReportLine line, Instant recordedAt) {
        this.reportId = reportId;
        this.kind = line.kind();
        this.subject = line.subject();
        this.link = line.link();
        this.amount = line.amount();
        this.bytes = line.bytes();
        this.recordedAt = Objects.requireNonNull(recordedAt, "recordedAt");
    }

    public ReportLine line() {
        return new ReportLine(kind, subject, link, amount, bytes);
    }

    public Instant getRecordedAt() {
        return recordedAt;
    }
}
