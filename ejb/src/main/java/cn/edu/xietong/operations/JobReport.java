package cn.edu.xietong.operations;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * What one run of a batch job did (C1): opened by the job's first step, filled with {@link JobReportLine}s chunk by
 * chunk in the chunk's transaction, and finished by its last step. One report per job instance, so a run restarted
 * from its checkpoint goes on writing the same report; a report without an end belongs to a run that has not
 * finished.
 */
@Entity
@Table(name = "job_report")
@NamedQuery(name = JobReport.BY_INSTANCE,
        query = "select r from JobReport r where r.jobInstanceId = :instanceId")
@NamedQuery(name = JobReport.NEWEST_OF_JOB,
        query = "select r from JobReport r where r.jobName = :jobName order by r.startedAt desc, r.id desc")
public class JobReport {

    public static final String BY_INSTANCE = "JobReport.byInstance";
    public static final String NEWEST_OF_JOB = "JobReport.newestOfJob";

    @Id
    @SequenceGenerator(name = "job_report_seq", sequenceName = "job_report_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "job_report_seq")
    private Long id;

    @Column(name = "job_name", nullable = false, length = 64)
    private String jobName;

    @Column(name = "job_instance_id", nullable = false, unique = true)
    private long jobInstanceId;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Version
    private long version;

    protected JobReport() {
    }

    public JobReport(String jobName, long jobInstanceId, String startedBy, Instant startedAt) {
        this.jobName = Objects.requireNonNull(jobName, "jobName");
        this.jobInstanceId = jobInstanceId;
        this.startedBy = Objects.requireNonNull(startedBy, "startedBy");
        this.startedAt = Objects.requireNonNull(startedAt, "startedAt");
    }

    /** Ends the report; a line may no longer be added. */
    public void finish(Instant at) {
        if (finishedAt != null) {
            throw new IllegalStateException("report of job instance " + jobInstanceId + " is already finished");
        }
        finishedAt = Objects.requireNonNull(at, "at");
    }

    public boolean isFinished() {
        return finishedAt != null;
    }

    public Long getId() {
        return id;
    }

    public String getJobName() {
        return jobName;
    }

    public long getJobInstanceId() {
        return jobInstanceId;
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
}
