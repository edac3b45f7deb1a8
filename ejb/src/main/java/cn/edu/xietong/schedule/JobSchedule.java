package cn.edu.xietong.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * When one batch job runs by itself (C1): its calendar expression in the campus time zone, whether the schedule is on,
 * and the next time it is due. The next time moves only by a claim ({@link #CLAIM}, a conditional update in its own
 * transaction) on the version the server read, so of several servers ticking at once exactly one fires a due schedule,
 * and none fires one an operator changed or switched off meanwhile. (No query compares the on/off column: EclipseLink
 * writes {@code true} as 1, which H2 refuses for a boolean.) Times are kept to the microsecond, as both databases
 * store them.
 */
@Entity
@Table(name = "job_schedule")
@NamedQuery(name = JobSchedule.ALL, query = "select s from JobSchedule s order by s.id")
@NamedQuery(name = JobSchedule.BY_JOB, query = "select s from JobSchedule s where s.jobName = :jobName")
@NamedQuery(name = JobSchedule.CLAIM, query = "update JobSchedule s set s.nextRun = :next, s.lastFiredAt = :now,"
        + " s.version = s.version + 1 where s.id = :id and s.version = :version and s.nextRun = :due")
@NamedQuery(name = JobSchedule.FIRST_NEXT, query = "update JobSchedule s set s.nextRun = :next,"
        + " s.version = s.version + 1 where s.id = :id and s.version = :version and s.nextRun is null")
public class JobSchedule {

    public static final String ALL = "JobSchedule.all";
    public static final String BY_JOB = "JobSchedule.byJob";
    public static final String CLAIM = "JobSchedule.claim";
    public static final String FIRST_NEXT = "JobSchedule.firstNext";

    @Id
    private Long id;

    @Column(name = "job_name", nullable = false, unique = true, length = 64)
    private String jobName;

    @Column(nullable = false, length = CalendarExpression.MAX_LENGTH)
    private String expression;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "next_run")
    private Instant nextRun;

    @Column(name = "last_fired_at")
    private Instant lastFiredAt;

    @Column(name = "last_execution_id")
    private Long lastExecutionId;

    @Column(name = "last_error", length = 500)
    private String lastError;

    @Column(name = "changed_by", length = 64)
    private String changedBy;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Version
    private long version;

    protected JobSchedule() {
    }

    /**
     * Gives the schedule a new expression and switches it on or off; the next run is the expression's first time
     * after {@code at} when on, none when off.
     */
    public void change(CalendarExpression newExpression, boolean on, String by, Instant at) {
        Objects.requireNonNull(newExpression, "newExpression");
        expression = newExpression.text();
        enabled = on;
        nextRun = on ? newExpression.nextAfter(at).map(t -> t.toInstant()).orElse(null) : null;
        changedBy = Objects.requireNonNull(by, "by");
        changedAt = Objects.requireNonNull(at, "at").truncatedTo(java.time.temporal.ChronoUnit.MICROS);
    }

    /** Records the run a claim started, or why it could not start. */
    public void started(long executionId) {
        lastExecutionId = executionId;
        lastError = null;
    }

    public void failedToStart(String reason) {
        lastError = reason == null ? "?" : reason.length() > 500 ? reason.substring(0, 497) + "..." : reason;
    }

    /** A plain description for the audit trail: the expression and whether it is on. */
    public String describe() {
        return jobName + " '" + expression + "' " + (enabled ? "on" : "off");
    }

    public Long getId() {
        return id;
    }

    public String getJobName() {
        return jobName;
    }

    public String getExpression() {
        return expression;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public Instant getNextRun() {
        return nextRun;
    }

    public Instant getLastFiredAt() {
        return lastFiredAt;
    }

    public Long getLastExecutionId() {
        return lastExecutionId;
    }

    public String getLastError() {
        return lastError;
    }

    public long getVersion() {
        return version;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
