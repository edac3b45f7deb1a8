package cn.edu.xietong.batch.inspection;

import cn.edu.xietong.inspection.ConfidentialityInspection;
import cn.edu.xietong.operations.BatchJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Opens the run's report (a restarted run finds the one it opened) and counts what the steps go through. */
@Named
@Dependent
public class InspectionOpener extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private ConfidentialityInspection inspection;

    @Override
    public String process() {
        inspection.begin(job.getInstanceId(), BatchJob.starter(startedBy));
        return "OPENED";
    }
}
