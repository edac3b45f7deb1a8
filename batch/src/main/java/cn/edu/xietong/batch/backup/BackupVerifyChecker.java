package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupFolder;
import cn.edu.xietong.backup.BackupSet;
import cn.edu.xietong.backup.BackupSets;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Re-reads one file of the set: passes on what is wrong with it, nothing when it is sound. */
@Named
@Dependent
public class BackupVerifyChecker implements ItemProcessor {

    @Inject
    private StepContext step;

    @Inject
    private BackupSets backups;

    private BackupFolder folder;

    @Override
    public Object processItem(Object item) {
        if (folder == null) {
            folder = backups.find((Long) step.getTransientUserData()).map(BackupSet::folder).orElseThrow();
        }
        return folder.check((BackupFolder.Entry) item).orElse(null);
    }
}
