package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupSets;
import cn.edu.xietong.operations.BatchJob;
import jakarta.batch.api.AbstractBatchlet;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Seals the set's manifest and prunes older generations. */
@Named
@Dependent
public class BackupSealStep extends AbstractBatchlet {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String startedBy;

    @Inject
    private BackupSets backups;

    @Override
    public String process() {
        long set = backups.byInstance(job.getInstanceId()).orElseThrow().getId();
        backups.seal(set, BatchJob.starter(startedBy));
        return "COMPLETED";
    }
}
