package cn.edu.xietong.batch.selfcheck;

import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.SelfChecks;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractJobListener;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Opens the run's report before the first step, recording who started the run. */
@Named
@Dependent
public class SelfCheckReportOpener extends AbstractJobListener {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private SelfChecks selfCheck;

    @Override
    public void beforeJob() {
        selfCheck.open(job.getExecutionId(), BatchJob.starter(startedBy));
    }
}
