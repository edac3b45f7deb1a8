package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupSets;
import cn.edu.xietong.operations.BatchJob;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.listener.AbstractStepListener;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/** Records the verification's outcome with the set once every file has been read. */
@Named
@Dependent
public class BackupVerifyRecorder extends AbstractStepListener {

    @Inject
    private StepContext step;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private BackupSets backups;

    @SuppressWarnings("unchecked")
    static ArrayList<String> problems(StepContext step) {
        Object saved = step.getPersistentUserData();
        return saved == null ? new ArrayList<>() : new ArrayList<>((List<String>) saved);
    }

    @Override
    public void afterStep() {
        if (step.getBatchStatus() != BatchStatus.FAILED && step.getBatchStatus() != BatchStatus.STOPPING
                && step.getTransientUserData() != null) {
            backups.verified((Long) step.getTransientUserData(), problems(step),
                    BatchJob.starter(startedBy));
        }
    }
}
