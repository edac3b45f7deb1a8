package cn.edu.xietong.batch.control;

import cn.edu.xietong.operations.JobStarter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;

import java.util.Properties;

/** Starts jobs from inside the batch module, so that JBeret finds the module's artefacts. */
@Stateless
@RolesAllowed("BATCH_OPERATOR")
public class BatchJobStarter implements JobStarter {

    @Override
    public long start(String jobXmlName, Properties parameters) {
        return BatchRuntime.getJobOperator().start(jobXmlName, parameters);
    }

    @Override
    public long restart(long executionId, Properties parameters) {
        return BatchRuntime.getJobOperator().restart(executionId, parameters);
    }
}
