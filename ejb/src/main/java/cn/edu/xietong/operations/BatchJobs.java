package cn.edu.xietong.operations;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.backup.BackupSets;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.operations.JobOperator;
import jakarta.batch.operations.NoSuchJobException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.JobExecution;
import jakarta.batch.runtime.JobInstance;
import jakarta.batch.runtime.Metric;
import jakarta.batch.runtime.StepExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * Starts batch jobs and reads their history from the job repository through {@link JobOperator} (C1). Only batch
 * operators may; the person who starts a run is recorded as its {@link BatchJob#STARTED_BY} parameter.
 */
@Stateless
@RolesAllowed("BATCH_OPERATOR")
public class BatchJobs {

    @Resource
    private SessionContext context;

    @EJB
    private JobStarter starter;

    @EJB
    private AuditTrail audit;

    @EJB
    private BackupSets backups;

    @EJB
    private JobReports reports;

    private JobOperator operator() {
        return BatchRuntime.getJobOperator();
    }

    /** Starts a run of the job and returns its execution id. */
    public long start(BatchJob job) {
        Properties parameters = new Properties();
        parameters.setProperty(BatchJob.STARTED_BY, context.getCallerPrincipal().getName());
        long executionId = starter.start(job.xmlName(), parameters);
        audit.record(AuditEvent.JOB_START, AuditOutcome.SUCCESS, context.getCallerPrincipal().getName(), null,
                job.xmlName() + " execution " + executionId);
        return executionId;
    }

    /**
     * Restarts a failed or stopped run from its last checkpoint, as the person asking (a chunk step goes on from the
     * last item it committed; a completed step is not repeated). Answers the new execution's id.
     */
    public long restart(long executionId) {
        Properties parameters = new Properties();
        parameters.setProperty(BatchJob.STARTED_BY, context.getCallerPrincipal().getName());
        long next = starter.restart(executionId, parameters);
        audit.record(AuditEvent.JOB_START, AuditOutcome.SUCCESS, context.getCallerPrincipal().getName(), null,
                "restart of execution " + executionId + " as execution " + next);
        return next;
    }

    /** Asks a running execution to stop at its next checkpoint. */
    public void stop(long executionId) {
        operator().stop(executionId);
        audit.record(AuditEvent.JOB_STOP, AuditOutcome.SUCCESS, context.getCallerPrincipal().getName(), null,
                "execution " + executionId);
    }

    /**
     * How far a run of a job with a list of items has come: the items its chunk steps have written or filtered over
     * every execution of its instance (a restart goes on from the last checkpoint) against the list's length, when
     * known (a backup set's files, or what the run's report says it found at the start, {@link JobReports#FOUND}).
     */
    public Optional<JobProgress> progress(JobRun run) {
        long total = switch (run.jobName()) {
            case "weekly-backup" -> backups.byInstance(run.instanceId()).map(s -> (long) s.getFileCount()).orElse(-1L);
            case "backup-verify" -> backups.newestComplete().map(s -> s.getFileCount() + 1L).orElse(-1L);
            default -> reports.found(run.instanceId()).orElse(-1L);
        };
        if (total < 0) {
            return Optional.empty();
        }
        JobOperator operator = operator();
        long done = 0;
        for (JobExecution execution : operator.getJobExecutions(operator.getJobInstance(run.executionId()))) {
            for (StepExecution step : operator.getStepExecutions(execution.getExecutionId())) {
                for (Metric metric : step.getMetrics()) {
                    if (metric.getType() == Metric.MetricType.WRITE_COUNT
                            || metric.getType() == Metric.MetricType.FILTER_COUNT) {
                        done += metric.getValue();
                    }
                }
            }
        }
        return Optional.of(new JobProgress(Math.min(done, total), total));
    }

    /** The newest runs of the job first, at most {@code max}. */
    public List<JobRun> history(BatchJob job, int max) {
        JobOperator operator = operator();
        List<JobInstance> instances;
        try {
            instances = operator.getJobInstances(job.xmlName(), 0, max);
        } catch (NoSuchJobException neverRun) {
            return List.of();
        }
        List<JobRun> runs = new ArrayList<>();
        for (JobInstance instance : instances) {
            for (JobExecution execution : operator.getJobExecutions(instance)) {
                runs.add(toRun(instance.getInstanceId(), execution));
            }
        }
        runs.sort(Comparator.comparingLong(JobRun::executionId).reversed());
        return runs.size() > max ? runs.subList(0, max) : runs;
    }

    public Optional<JobRun> run(long executionId) {
        try {
            JobOperator operator = operator();
            JobExecution execution = operator.getJobExecution(executionId);
            return Optional.of(toRun(operator.getJobInstance(executionId).getInstanceId(), execution));
        } catch (jakarta.batch.operations.NoSuchJobExecutionException unknown) {
            return Optional.empty();
        }
    }

    private static JobRun toRun(long instanceId, JobExecution e) {
        Properties parameters = e.getJobParameters();
        return new JobRun(e.getExecutionId(), instanceId, e.getJobName(), e.getBatchStatus(), e.getExitStatus(),
                instant(e.getCreateTime()), instant(e.getStartTime()), instant(e.getEndTime()),
                parameters == null ? null : parameters.getProperty(BatchJob.STARTED_BY));
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
