package cn.edu.xietong.batch.control;

import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.ReportedJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The first or the last step of a job whose runs keep a report ({@link ReportedJob}: the weekly cleanup, the
 * confidentiality inspection; C1). Property {@code end}: {@code begin} opens the report with what the run found to
 * work on, {@code finish} ends it; the step's exit status is then the job's summary (for the WildFly console). The job
 * is found by its name among the {@link ReportedJob}s.
 */
@Named("jobReport")
@Dependent
public class JobReportStep extends AbstractBatchlet {

    /** JBeret keeps an exit status in a column of 512 characters. */
    static final int MAX_EXIT_STATUS = 500;

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String end;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    @Any
    private Instance<ReportedJob> jobs;

    @Override
    public String process() {
        ReportedJob reported = jobs.stream().filter(j -> j.jobName().equals(job.getJobName())).findFirst()
                .orElseThrow(() -> new IllegalStateException("job " + job.getJobName() + " keeps no report"));
        String starter = BatchJob.starter(startedBy);
        return switch (end) {
            case "begin" -> {
                reported.begin(job.getInstanceId(), starter);
                yield "BEGUN";
            }
            case "finish" -> {
                String summary = reported.finish(job.getInstanceId(), starter);
                yield summary.length() > MAX_EXIT_STATUS ? summary.substring(0, MAX_EXIT_STATUS) : summary;
            }
            default -> throw new IllegalArgumentException("end is begin or finish, not " + end);
        };
    }
}
