package cn.edu.xietong.batch.inspection;

import cn.edu.xietong.inspection.ConfidentialityInspection;
import cn.edu.xietong.inspection.InspectionScope;
import cn.edu.xietong.operations.ReportLine;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.JobContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/** Applies the rules to one object; an object without findings is filtered out (and still counts as done). */
@Named
@Dependent
public class InspectionChecker implements ItemProcessor {

    @Inject
    private JobContext job;

    @Inject
    @BatchProperty
    private String scope;

    @Inject
    private ConfidentialityInspection inspection;

    @Override
    public Object processItem(Object id) {
        List<ReportLine> lines = inspection.inspect(InspectionScope.valueOf(scope), (Long) id, job.getInstanceId());
        return lines.isEmpty() ? null : new ArrayList<>(lines);
    }
}
