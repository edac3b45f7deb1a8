package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupSets;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Takes the database's snapshot into the job instance's set, then lists the files stored meanwhile. */
@Named
@Dependent
public class BackupSnapshotStep extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    private BackupSets backups;

    @Override
    public String process() {
        backups.snapshot(backups.byInstance(job.getInstanceId()).orElseThrow().getId());
        return "SNAPSHOT_TAKEN";
    }
}
