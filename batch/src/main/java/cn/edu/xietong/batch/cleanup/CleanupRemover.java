package cn.edu.xietong.batch.cleanup;

import cn.edu.xietong.cleanup.CleanupArea;
import cn.edu.xietong.cleanup.WeeklyCleanup;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Removes one item in the chunk's transaction and passes on its report line; an item that stays is filtered. */
@Named
@Dependent
public class CleanupRemover implements ItemProcessor {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String area;

    @Inject
    private WeeklyCleanup cleanup;

    @Override
    public Object processItem(Object id) {
        return cleanup.remove(job.getInstanceId(), CleanupArea.valueOf(area), (String) id);
    }
}
