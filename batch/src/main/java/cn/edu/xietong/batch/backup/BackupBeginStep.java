package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupSet;
import cn.edu.xietong.backup.BackupSets;
import cn.edu.xietong.operations.BatchJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Begins the job instance's backup set (or continues it on a restart) and lists the files copied beside the snapshot. */
@Named
@Dependent
public class BackupBeginStep extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private BackupSets backups;

    @Override
    public String process() {
        BackupSet set = backups.begin(job.getInstanceId(), BatchJob.starter(startedBy));
        backups.listFiles(set.getId());
        return "FILES_LISTED";
    }
}
