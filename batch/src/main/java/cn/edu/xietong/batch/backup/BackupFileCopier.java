package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupFolder;
import cn.edu.xietong.backup.BackupSets;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Copies one file into the set (hashed, synced) and answers its manifest line. */
@Named
@Dependent
public class BackupFileCopier implements ItemProcessor {

    @Inject
    private JobContext job;

    @Inject
    private BackupSets backups;

    private BackupFolder folder;

    @Override
    public Object processItem(Object item) throws Exception {
        if (folder == null) {
            folder = backups.byInstance(job.getInstanceId()).orElseThrow().folder();
        }
        return folder.copy((BackupFolder.Item) item, BackupSets.sources());
    }
}
