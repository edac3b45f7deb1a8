package cn.edu.xietong.batch.cleanup;

import cn.edu.xietong.cleanup.WeeklyCleanup;
import cn.edu.xietong.operations.BatchJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Opens the run's report and counts what there is to remove (nothing again on a restart). */
@Named
@Dependent
public class CleanupBegin extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private WeeklyCleanup cleanup;

    @Override
    public String process() {
        cleanup.begin(job.getInstanceId(), BatchJob.starter(startedBy));
        return "BEGUN";
    }
}
