package cn.edu.xietong.batch.inspection;

import cn.edu.xietong.inspection.ConfidentialityInspection;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Ends the report and tells the supervising office; the exit status counts the findings (for the admin console). */
@Named
@Dependent
public class InspectionCloser extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    private ConfidentialityInspection inspection;

    @Override
    public String process() {
        return inspection.close(job.getInstanceId()) + " findings";
    }
}
