package cn.edu.xietong.batch.control;

import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.JobStarter;
import jakarta.annotation.security.RolesAllowed;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.ejb.Stateless;

import java.util.Properties;

/**
 * Starts jobs from inside the batch module, so that JBeret finds the module's artefacts. Every start and restart
 * (the jobs page, the schedules) passes here, and each is tagged with the node that runs it ({@link BatchJob#NODE}),
 * so that a server coming back from a crash can tell its own interrupted runs from those other nodes are running
 * (C1, issue #15).
 */
@Stateless
@RolesAllowed("BATCH_OPERATOR")
public class BatchJobStarter implements JobStarter {

    /**
     * JBeret's restart mode parameter. Its default, {@code detect}, restarts a run still marked as running whenever
     * this server does not hold it in memory: a run another node of the cluster is running would be started a second
     * time. {@code strict} restarts failed and stopped runs only; a run its server died under is marked failed by
     * that server when it comes back ({@code InterruptedRuns}).
     */
    static final String RESTART_MODE = "jberet.restart.mode";

    @Override
    public long start(String jobXmlName, Properties parameters) {
        return BatchRuntime.getJobOperator().start(jobXmlName, onThisNode(parameters));
    }

    @Override
    public long restart(long executionId, Properties parameters) {
        Properties restart = onThisNode(parameters);
        restart.setProperty(RESTART_MODE, "strict");
        return BatchRuntime.getJobOperator().restart(executionId, restart);
    }

    private static Properties onThisNode(Properties parameters) {
        Properties tagged = new Properties();
        tagged.putAll(parameters);
        tagged.setProperty(BatchJob.NODE, BatchJob.thisNode());
        return tagged;
    }
}
