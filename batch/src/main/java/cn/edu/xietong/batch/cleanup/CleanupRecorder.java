package cn.edu.xietong.batch.cleanup;

import cn.edu.xietong.cleanup.WeeklyCleanup;
import cn.edu.xietong.operations.ReportLine;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Writes a chunk's removals into the run's report, in the chunk's transaction. */
@Named
@Dependent
public class CleanupRecorder extends AbstractItemWriter {

    @Inject
    private JobContext job;

    @Inject
    private WeeklyCleanup cleanup;

    @Override
    public void writeItems(List<Object> items) {
        cleanup.record(job.getInstanceId(), items.stream().map(ReportLine.class::cast).toList());
    }
}
