package cn.edu.xietong.batch.backup;

import jakarta.batch.api.chunk.AbstractItemWriter;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects the files that failed the check in the step's persistent data, which JBeret saves with each checkpoint:
 * a restarted verification keeps what it found before.
 */
@Named
@Dependent
public class BackupVerifyWriter extends AbstractItemWriter {

    @Inject
    private StepContext step;

    @Override
    public void writeItems(List<Object> items) {
        ArrayList<String> problems = BackupVerifyRecorder.problems(step);
        items.forEach(item -> problems.add((String) item));
        step.setPersistentUserData(problems);
    }
}
