package cn.edu.xietong.operations;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.monitoring.OperationsMetrics;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Runs a server died under become restartable (C1, issue #15). A server killed in the middle of a job leaves its
 * execution STARTING, STARTED or STOPPING in JBeret's job repository for ever, and JBeret restarts only failed or
 * stopped runs (Xietong restarts in JBeret's {@code strict} mode, so that no node restarts a run another node is still
 * running). So when this server starts, it marks as FAILED the executions — with their step and partition executions
 * — that are still marked as running, were started on this node ({@link BatchJob#NODE}) and were created before this
 * server process started: no thread of this process can be running them. An operator then restarts each from its
 * last checkpoint on the jobs page. Every execution marked is audited ({@link AuditEvent#JOB_INTERRUPTED}) and
 * counted as a failed run for monitoring ({@code xietong_job_runs_total}), and the server logs one line.
 * <p>
 * Runs of other nodes are never touched: only their own node knows that they are dead. Runs without a node (started
 * from the WildFly console, or before this tag existed) are only reported in the log.
 * <p>
 * JBeret has no operation for this (its {@code restart} in {@code force} or {@code detect} mode marks a run failed
 * and restarts it at once, on any node), so the repository's tables are updated directly, through the application's
 * datasource (JBeret's JDBC repository schema: {@code JOB_EXECUTION}, {@code STEP_EXECUTION},
 * {@code PARTITION_EXECUTION}). JBeret's in-memory copy of an unfinished execution is read again from the database
 * once the database shows it ended, which is why the end time is set too.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class InterruptedRuns {

    /** The exit status of a run marked failed here; the jobs page explains it. */
    public static final String EXIT_STATUS = "SERVER_LOST";

    /** Who marks the runs, as the audit trail shows it. */
    static final String ACTOR = "system";

    private static final String RUNNING = "('STARTING', 'STARTED', 'STOPPING')";

    private static final Logger LOG = Logger.getLogger(InterruptedRuns.class.getName());

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    @EJB
    private AuditTrail audit;

    @EJB
    private OperationsMetrics metrics;

    /** One execution still marked as running in the repository. */
    record Unfinished(long executionId, String jobName, String status, Instant createdAt, Optional<String> node) {
    }

    @PostConstruct
    void atStart() {
        Instant processStart = Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<Long> marked = markFailed(BatchJob.thisNode(), processStart);
        if (!marked.isEmpty()) {
            LOG.warning(() -> marked.size() + " job execution(s) of node " + BatchJob.thisNode()
                    + " were left running when this server stopped and are now marked FAILED: " + marked
                    + "; restart them from their last checkpoint on the jobs page");
        }
    }

    /**
     * Marks as FAILED the executions of {@code node} still marked as running that were created before
     * {@code createdBefore}, with their unfinished step and partition executions; answers their ids.
     */
    @RolesAllowed("BATCH_OPERATOR")
    public List<Long> markFailed(String node, Instant createdBefore) {
        List<Unfinished> unfinished;
        try {
            unfinished = unfinished();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the job repository", e);
        }
        List<Long> marked = new ArrayList<>();
        List<Long> nodeless = new ArrayList<>();
        for (Unfinished run : unfinished) {
            if (!run.createdAt().isBefore(createdBefore)) {
                continue;
            }
            if (run.node().isEmpty()) {
                nodeless.add(run.executionId());
            } else if (run.node().get().equals(node) && markFailed(run)) {
                marked.add(run.executionId());
                metrics.jobRun(run.jobName(), "FAILED");
                audit.record(AuditEvent.JOB_INTERRUPTED, AuditOutcome.SUCCESS, ACTOR, null,
                        run.jobName() + " execution " + run.executionId() + " was " + run.status() + " on node "
                                + node + " when its server stopped; marked FAILED, restartable from its checkpoint");
            }
        }
        if (!nodeless.isEmpty()) {
            LOG.warning(() -> "job execution(s) " + nodeless + " are marked as running but name no node (started "
                    + "from the WildFly console?): they are left as they are");
        }
        return marked;
    }

    private List<Unfinished> unfinished() throws SQLException {
        String sql = "select e.JOBEXECUTIONID, i.JOBNAME, e.BATCHSTATUS, e.CREATETIME, e.JOBPARAMETERS "
                + "from JOB_EXECUTION e join JOB_INSTANCE i on i.JOBINSTANCEID = e.JOBINSTANCEID "
                + "where e.BATCHSTATUS in " + RUNNING + " order by e.JOBEXECUTIONID";
        List<Unfinished> runs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement select = connection.prepareStatement(sql);
             ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                Timestamp created = rows.getTimestamp(4);
                runs.add(new Unfinished(rows.getLong(1), rows.getString(2), rows.getString(3),
                        created == null ? Instant.EPOCH : created.toInstant(), node(rows.getString(5))));
            }
        }
        return runs;
    }

    /** The execution, its steps and their partitions, in one transaction; false if it ended meanwhile. */
    private boolean markFailed(Unfinished run) {
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try {
                int jobs;
                try (PreparedStatement job = connection.prepareStatement("update JOB_EXECUTION set BATCHSTATUS = "
                        + "'FAILED', EXITSTATUS = ?, ENDTIME = ?, LASTUPDATEDTIME = ? where JOBEXECUTIONID = ? "
                        + "and BATCHSTATUS in " + RUNNING)) {
                    job.setString(1, EXIT_STATUS);
                    job.setTimestamp(2, now);
                    job.setTimestamp(3, now);
                    job.setLong(4, run.executionId());
                    jobs = job.executeUpdate();
                }
                try (PreparedStatement partitions = connection.prepareStatement("update PARTITION_EXECUTION set "
                        + "BATCHSTATUS = 'FAILED', EXITSTATUS = ? where BATCHSTATUS in " + RUNNING
                        + " and STEPEXECUTIONID in (select STEPEXECUTIONID from STEP_EXECUTION "
                        + "where JOBEXECUTIONID = ?)")) {
                    partitions.setString(1, EXIT_STATUS);
                    partitions.setLong(2, run.executionId());
                    partitions.executeUpdate();
                }
                try (PreparedStatement steps = connection.prepareStatement("update STEP_EXECUTION set BATCHSTATUS = "
                        + "'FAILED', EXITSTATUS = ?, ENDTIME = ? where JOBEXECUTIONID = ? and BATCHSTATUS in "
                        + RUNNING)) {
                    steps.setString(1, EXIT_STATUS);
                    steps.setTimestamp(2, now);
                    steps.setLong(3, run.executionId());
                    steps.executeUpdate();
                }
                connection.commit();
                return jobs == 1;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot mark execution " + run.executionId() + " failed", e);
        }
    }

    /**
     * The node named in an execution's parameters as JBeret stores them ({@code JOBPARAMETERS}: one
     * {@code key = value} per line), if any.
     */
    static Optional<String> node(String jobParameters) {
        if (jobParameters == null) {
            return Optional.empty();
        }
        String prefix = BatchJob.NODE + " = ";
        return jobParameters.lines().filter(line -> line.startsWith(prefix))
                .map(line -> line.substring(prefix.length()).strip()).filter(n -> !n.isEmpty()).findFirst();
    }
}
