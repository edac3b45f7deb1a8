package cn.edu.xietong.web.ops;

import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.JobRun;
import cn.edu.xietong.operations.SelfCheckReport;
import cn.edu.xietong.operations.SelfChecks;
import cn.edu.xietong.web.shared.Messages;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** Backs ops/jobs.xhtml: start a job, watch its runs (read from JobOperator), read the newest self-check report. */
@Named
@ViewScoped
public class JobsView implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int HISTORY = 20;

    @EJB
    private BatchJobs jobs;

    @EJB
    private SelfChecks selfCheck;

    @Inject
    private Messages messages;

    private BatchJob selected = BatchJob.SELF_CHECK;
    private transient List<JobRun> runs;
    private transient SelfCheckReport report;

    public List<BatchJob> getCatalogue() {
        return Arrays.asList(BatchJob.values());
    }

    public void start() {
        long executionId = jobs.start(selected);
        messages.info("jobs.started", messages.text("job." + selected.xmlName()), executionId);
        refresh();
    }

    public void refresh() {
        runs = null;
        report = null;
    }

    public List<JobRun> getRuns() {
        if (runs == null) {
            runs = jobs.history(selected, HISTORY);
        }
        return runs;
    }

    public boolean isAnyRunning() {
        return getRuns().stream().anyMatch(JobRun::running);
    }

    public SelfCheckReport getReport() {
        if (report == null) {
            report = selfCheck.latest().orElse(null);
        }
        return report;
    }

    /** A standard exit status (COMPLETED, FAILED …) in the page's language; a job's own exit status as it is. */
    public String exitStatusText(JobRun run) {
        String exit = run.exitStatus();
        if (exit == null) {
            return "";
        }
        return Arrays.stream(BatchStatus.values()).anyMatch(s -> s.name().equals(exit))
                ? messages.text("batchStatus." + exit) : exit;
    }

    public BatchJob getSelected() {
        return selected;
    }

    public void setSelected(BatchJob selected) {
        this.selected = selected;
        refresh();
    }
}
