package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupFolder;
import cn.edu.xietong.backup.BackupSets;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Reads one list of the set's files ({@code list}: {@code files.list}, listed before the snapshot, or
 * {@code files-late.list}, stored while it was taken); its checkpoint is the position in that list.
 */
@Named
@Dependent
public class BackupFileReader extends AbstractItemReader {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String list;

    @Inject
    private BackupSets backups;

    private List<BackupFolder.Item> items;
    private int next;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        items = backups.byInstance(job.getInstanceId()).orElseThrow().folder().listed(list == null ? BackupFolder.FILE_LIST : list);
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < items.size() ? items.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
