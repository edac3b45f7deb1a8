package cn.edu.xietong.operations;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The report of one run of the self-check job: the row count of every table in the application's schema. It is
 * opened when the job starts, filled chunk by chunk, and closed by the job's last step; a report without an end
 * belongs to a run that has not finished (or failed).
 */
@Entity
@Table(name = "self_check_report")
@NamedQuery(name = SelfCheckReport.BY_EXECUTION,
        query = "select r from SelfCheckReport r where r.jobExecutionId = :executionId")
@NamedQuery(name = SelfCheckReport.LATEST_FINISHED,
        query = "select r from SelfCheckReport r where r.finishedAt is not null order by r.finishedAt desc")
public class SelfCheckReport {

    public static final String BY_EXECUTION = "SelfCheckReport.byExecution";
    public static final String LATEST_FINISHED = "SelfCheckReport.latestFinished";

    @Id
    @SequenceGenerator(name = "self_check_report_seq", sequenceName = "self_check_report_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "self_check_report_seq")
    private Long id;

    @Column(name = "job_execution_id", nullable = false, unique = true)
    private long jobExecutionId;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "self_check_entry", joinColumns = @JoinColumn(name = "report_id"))
    @OrderBy("tableName")
    private List<TableCount> entries = new ArrayList<>();

    @Version
    private long version;

    protected SelfCheckReport() {
    }

    public SelfCheckReport(long jobExecutionId, String startedBy, Instant startedAt) {
        this.jobExecutionId = jobExecutionId;
        this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Adds counted tables; a table counted twice (a restarted chunk) keeps its newest count. */
    public void record(Collection<TableCount> counts) {
        if (finishedAt != null) {
            throw new IllegalStateException("report of execution " + jobExecutionId + " is already finished");
        }
        for (TableCount count : counts) {
            entries.removeIf(e -> e.getTableName().equals(count.getTableName()));
            entries.add(count);
        }
    }

    public void finish(Instant at) {
        if (finishedAt != null) {
            throw new IllegalStateException("report of execution " + jobExecutionId + " is already finished");
        }
        finishedAt = Objects.requireNonNull(at, "at");
    }

    public long totalRows() {
        return entries.stream().mapToLong(TableCount::getRowCount).sum();
    }

    public Long getId() {
        return id;
    }

    public long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public List<TableCount> getEntries() {
        return Collections.unmodifiableList(entries);
    }
}
