package cn.edu.xietong.batch.selfcheck;

import cn.edu.xietong.operations.SelfChecks;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Counts one table's rows. */
@Named
@Dependent
public class RowCounter implements ItemProcessor {

    @Inject
    private SelfChecks selfCheck;

    @Override
    public Object processItem(Object tableName) {
        return selfCheck.countRows((String) tableName);
    }
}
