package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupFolder;
import cn.edu.xietong.backup.BackupSet;
import cn.edu.xietong.backup.BackupSets;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Reads the manifest of the set to verify ({@code set} parameter, else the newest complete set); its checkpoint is the
 * position in the manifest. The set's id is kept for the step's listener.
 */
@Named
@Dependent
public class BackupVerifyReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    private String set;

    @Inject
    private StepContext step;

    @Inject
    private BackupSets backups;

    private List<BackupFolder.Entry> entries;
    private int next;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        BackupSet chosen = set == null || set.isBlank() ? backups.newestComplete()
                .orElseThrow(() -> new IllegalStateException("there is no complete backup set to verify"))
                : backups.find(Long.parseLong(set)).orElseThrow(() -> new IllegalStateException("no backup set " + set));
        step.setTransientUserData(chosen.getId());
        entries = chosen.folder().manifest();
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < entries.size() ? entries.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
