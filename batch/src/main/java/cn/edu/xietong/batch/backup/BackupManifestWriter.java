package cn.edu.xietong.batch.backup;

import cn.edu.xietong.backup.BackupFolder;
import cn.edu.xietong.backup.BackupSets;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Appends a chunk's manifest lines (synced) to its list's manifest part ({@code part}: {@code manifest.part} or
 * {@code manifest-late.part}). Its checkpoint is the part's length: on a restart the lines written after the last
 * checkpoint are cut, their files copied again, so each file is listed exactly once.
 */
@Named
@Dependent
public class BackupManifestWriter extends AbstractItemWriter {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String part;

    @Inject
    private BackupSets backups;

    private BackupFolder folder;
    private long length;

    @Override
    public void open(Serializable checkpoint) throws Exception {
        folder = backups.byInstance(job.getInstanceId()).orElseThrow().folder();
        part = part == null ? BackupFolder.MANIFEST_PART : part;
        length = folder.resumeManifest(part, checkpoint == null ? 0 : (Long) checkpoint);
    }

    @Override
    public void writeItems(List<Object> items) throws Exception {
        length = folder.append(part, items.stream().map(BackupFolder.Entry.class::cast).toList());
    }

    @Override
    public Serializable checkpointInfo() {
        return length;
    }
}
