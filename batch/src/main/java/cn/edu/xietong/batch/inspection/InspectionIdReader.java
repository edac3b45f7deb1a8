package cn.edu.xietong.batch.inspection;

import cn.edu.xietong.inspection.ConfidentialityInspection;
import cn.edu.xietong.inspection.InspectionScope;
import jakarta.batch.api.BatchProperty;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Iterator;

/**
 * Reads the ids of the step's scope ({@code scope}: a {@link InspectionScope} name) in ascending order; its checkpoint
 * is the last id read, so a restart reads only the ids after it (objects added meanwhile included).
 */
@Named
@Dependent
public class InspectionIdReader extends AbstractItemReader {

    @Inject
    @BatchProperty
    private String scope;

    @Inject
    private ConfidentialityInspection inspection;

    private Iterator<Long> ids;
    private long last;

    @Override
    public void open(Serializable checkpoint) {
        last = checkpoint == null ? 0L : (Long) checkpoint;
        ids = inspection.ids(InspectionScope.valueOf(scope), last).iterator();
    }

    @Override
    public Object readItem() {
        if (!ids.hasNext()) {
            return null;
        }
        last = ids.next();
        return last;
    }

    @Override
    public Serializable checkpointInfo() {
        return last;
    }
}
