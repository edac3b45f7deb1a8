package cn.edu.xietong.batch.selfcheck;

import cn.edu.xietong.operations.SelfChecks;
import cn.edu.xietong.operations.TableCount;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** Appends a chunk of counts to the run's report, in the chunk's transaction. */
@Named
@Dependent
public class TableCountWriter extends AbstractItemWriter {

    @Inject
    private JobContext job;

    @Inject
    private SelfChecks selfCheck;

    @Override
    public void writeItems(List<Object> items) {
        selfCheck.record(job.getExecutionId(), items.stream().map(TableCount.class::cast).toList());
    }
}
