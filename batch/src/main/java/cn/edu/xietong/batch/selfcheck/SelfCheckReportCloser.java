package cn.edu.xietong.batch.selfcheck;

import cn.edu.xietong.operations.SelfCheckReport;
import cn.edu.xietong.operations.SelfCheckService;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Closes the report; the exit status summarises it for the jobs page ("12 tables, 345 rows"). */
@Named
@Dependent
public class SelfCheckReportCloser extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    private SelfCheckService selfCheck;

    @Override
    public String process() {
        SelfCheckReport report = selfCheck.finish(job.getExecutionId());
        String summary = report.getEntries().size() + " tables, " + report.totalRows() + " rows";
        job.setExitStatus(summary);
        return summary;
    }
}
