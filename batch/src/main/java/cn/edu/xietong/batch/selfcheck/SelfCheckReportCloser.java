package cn.edu.xietong.batch.selfcheck;

import cn.edu.xietong.operations.SelfCheckReport;
import cn.edu.xietong.operations.SelfChecks;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Closes the report. Its step's exit status summarises it ("12 tables, 345 rows", for the admin console). */
@Named
@Dependent
public class SelfCheckReportCloser extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    private SelfChecks selfCheck;

    @Override
    public String process() {
        SelfCheckReport report = selfCheck.finish(job.getExecutionId());
        return report.getEntries().size() + " tables, " + report.totalRows() + " rows";
    }
}
