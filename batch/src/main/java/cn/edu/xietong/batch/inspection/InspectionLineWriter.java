package cn.edu.xietong.batch.inspection;

import cn.edu.xietong.inspection.ConfidentialityInspection;
import cn.edu.xietong.operations.ReportLine;
import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/** Adds a chunk's findings to the run's report, in the chunk's transaction. */
@Named
@Dependent
public class InspectionLineWriter extends AbstractItemWriter {

    @Inject
    private JobContext job;

    @Inject
    private ConfidentialityInspection inspection;

    @Override
    public void writeItems(List<Object> items) {
        List<ReportLine> lines = new ArrayList<>();
        for (Object item : items) {
            for (Object line : (List<?>) item) {
                lines.add((ReportLine) line);
            }
        }
        inspection.record(job.getInstanceId(), lines);
    }
}
