package cn.edu.xietong.operations;

import jakarta.ejb.Local;

import java.util.Properties;

/**
 * Starts a job by its XML name. Implemented in the batch module: JBeret creates a job's artefacts with the bean
 * manager of the module that calls {@code JobOperator.start}, so the start must happen where the artefacts live.
 */
@Local
public interface JobStarter {

    long start(String jobXmlName, Properties parameters);

    /** Restarts a failed or stopped execution from its last checkpoint; answers the new execution's id. */
    long restart(long executionId, Properties parameters);
}
