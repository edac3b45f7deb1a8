package cn.edu.xietong.batch.cleanup;

import cn.edu.xietong.cleanup.WeeklyCleanup;
import cn.edu.xietong.operations.BatchJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Closes the report with the audit record {@code CLEANUP}; its exit status is the summary (for the admin console). */
@Named
@Dependent
public class CleanupFinish extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private WeeklyCleanup cleanup;

    @Override
    public String process() {
        String summary = cleanup.finish(job.getInstanceId(), BatchJob.starter(startedBy));
        return summary.length() > 500 ? summary.substring(0, 500) : summary;
    }
}
