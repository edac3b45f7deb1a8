package cn.edu.xietong.batch.cleanup;

import cn.edu.xietong.cleanup.CleanupArea;
import cn.edu.xietong.cleanup.WeeklyCleanup;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Reads the ids of an area's items old enough to go ({@code area} property). A restarted step lists them again: what
 * the committed chunks removed is no candidate any more, so the step goes on from its last checkpoint by itself and
 * never removes an item twice.
 */
@Named
@Dependent
public class CleanupReader extends AbstractItemReader {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String area;

    @Inject
    private WeeklyCleanup cleanup;

    private List<String> ids;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        ids = cleanup.candidates(job.getInstanceId(), CleanupArea.valueOf(area));
        next = 0;
    }

    @Override
    public Object readItem() {
        return next < ids.size() ? ids.get(next++) : null;
    }
}
