package cn.edu.xietong.batch.control;

import cn.edu.xietong.monitoring.OperationsMetrics;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Counts every run of a job by its outcome for monitoring (O2.5: {@code xietong_job_runs_total{job, status}}), as each
 * job's listener. A run whose status still reads as starting or started when its listeners are called has come
 * through all its steps: it is counted as completed (a failure or a stop has set its status by then).
 */
@Named
@Dependent
public class JobRunCounter extends AbstractJobListener {

    @Inject
    private JobContext job;

    @Inject
    private OperationsMetrics metrics;

    @Override
    public void afterJob() {
        String status = switch (job.getBatchStatus()) {
            case STARTING, STARTED -> "COMPLETED";
            default -> job.getBatchStatus().name();
        };
        metrics.jobRun(job.getJobName(), status);
    }
}
