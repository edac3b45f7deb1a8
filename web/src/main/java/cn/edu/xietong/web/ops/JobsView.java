package cn.edu.xietong.web.ops;

import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.backup.BackupSets;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.InterruptedRuns;
import cn.edu.xietong.operations.JobProgress;
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
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
    private transient Map<Long, Optional<JobProgress>> progress;
    private transient List<BackupSets.Line> sets;

    @EJB
    private BackupSets backups;

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
        progress = null;
        sets = null;
    }

    /** How far the run has come, for jobs with a list of items; null for others. */
    public JobProgress progress(JobRun run) {
        if (progress == null) {
            progress = new HashMap<>();
        }
        return progress.computeIfAbsent(run.executionId(), id -> jobs.progress(run)).orElse(null);
    }

    /** Only the newest run of an instance that failed or was stopped can be restarted. */
    public boolean restartable(JobRun run) {
        return (run.status() == BatchStatus.FAILED || run.status() == BatchStatus.STOPPED)
                && getRuns().stream().noneMatch(r -> r.instanceId() == run.instanceId()
                && r.executionId() > run.executionId());
    }

    public void stop(JobRun run) {
        messages.attempt(() -> jobs.stop(run.executionId()), "jobs.stopping");
        refresh();
    }

    public void restart(JobRun run) {
        long next = jobs.restart(run.executionId());
        messages.info("jobs.restarted", run.executionId(), next);
        refresh();
    }

    public List<BackupSets.Line> getSets() {
        if (sets == null) {
            sets = backups.overview(HISTORY);
        }
        return sets;
    }

    public String getBackupDirectory() {
        return BackupSets.directory().toString();
    }

    public int getGenerations() {
        return backups.generations();
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
        if (InterruptedRuns.EXIT_STATUS.equals(exit)) {
            return messages.text("jobs.exit.serverLost");
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
