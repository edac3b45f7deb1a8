package cn.edu.xietong.monitoring;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Locale;

/**
 * Job runs for monitoring (O2.5, C1): the operations jobs call {@link #jobRun} when a run ends, and
 * {@code xietong_job_runs_total{job, status}} counts them (status as Jakarta Batch names it: completed, failed,
 * stopped, …). Counted when the caller's transaction commits, at once without one.
 */
@Singleton
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class OperationsMetrics {

    @Inject
    private MeterRegistry registry;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /** A run of the job ended with the status (e.g. {@code BatchStatus.name()}). */
    public void jobRun(String jobName, String status) {
        Counter counter = Counter.builder("xietong.job.runs").tag("job", jobName)
                .tag("status", status.toLowerCase(Locale.ROOT)).description("Runs of the operations jobs by outcome")
                .register(registry);
        OnCommit.run(transactions, counter::increment);
    }
}
