package cn.edu.xietong.batch.selfcheck;

import cn.edu.xietong.operations.SelfChecks;
import jakarta.batch.api.chunk.AbstractItemReader;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Reads the schema's table names; its checkpoint is the position in that list. */
@Named
@Dependent
public class TableNameReader extends AbstractItemReader {

    @Inject
    private SelfChecks selfCheck;

    private List<String> names;
    private int next;

    @Override
    public void open(Serializable checkpoint) {
        names = selfCheck.tableNames();
        next = checkpoint == null ? 0 : (Integer) checkpoint;
    }

    @Override
    public Object readItem() {
        return next < names.size() ? names.get(next++) : null;
    }

    @Override
    public Serializable checkpointInfo() {
        return next;
    }
}
