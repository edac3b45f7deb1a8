package cn.edu.xietong.it.operations;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsBatchOperator;
import cn.edu.xietong.it.support.Jobs;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.InterruptedRuns;
import jakarta.annotation.Resource;
import jakarta.batch.operations.JobRestartException;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C1, issue #15: a server coming back after a crash marks FAILED — with their steps and partitions — the runs it was
 * running when it died, and only those: not another node's, not runs naming no node, not runs begun since it started;
 * each is audited, and a run still marked as running is never restarted from another node. The rows stand for a
 * dead server's runs, written into JBeret's repository as JBeret writes them (CrashRestartIT kills a real server).
 */
@ExtendWith(ArquillianExtension.class)
class InterruptedRunsIT {

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource database;

    @EJB
    private InterruptedRuns interrupted;

    @EJB
    private BatchJobs jobs;

    @EJB
    private AsBatchOperator operator;

    @EJB
    private AuditLog audit;

    @EJB
    private AsAuditAdmin auditor;

    /** A run as the repository holds it: its instance, execution, one step and one partition of that step. */
    private record Run(long instance, long execution, long step) {
    }

    private Run run(String jobName, String status, String parameters, Instant created, String application)
            throws SQLException {
        try (Connection connection = database.getConnection()) {
            update(connection, "insert into JOB_INSTANCE (JOBNAME, APPLICATIONNAME) values (?, ?)", jobName,
                    application);
            long instance = newest(connection, "select max(JOBINSTANCEID) from JOB_INSTANCE where JOBNAME = ?",
                    jobName);
            try (PreparedStatement insert = connection.prepareStatement("insert into JOB_EXECUTION (JOBINSTANCEID, "
                    + "CREATETIME, STARTTIME, LASTUPDATEDTIME, BATCHSTATUS, JOBPARAMETERS) "
                    + "values (?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, instance);
                insert.setTimestamp(2, Timestamp.from(created));
                insert.setTimestamp(3, Timestamp.from(created));
                insert.setTimestamp(4, Timestamp.from(created));
                insert.setString(5, status);
                insert.setString(6, parameters);
                insert.executeUpdate();
            }
            long execution = newest(connection, "select max(JOBEXECUTIONID) from JOB_EXECUTION where JOBINSTANCEID = ?",
                    instance);
            try (PreparedStatement insert = connection.prepareStatement("insert into STEP_EXECUTION (JOBEXECUTIONID, "
                    + "STEPNAME, STARTTIME, BATCHSTATUS, WRITECOUNT) values (?, 'copy', ?, ?, 40)")) {
                insert.setLong(1, execution);
                insert.setTimestamp(2, Timestamp.from(created));
                insert.setString(3, status);
                insert.executeUpdate();
            }
            long step = newest(connection, "select max(STEPEXECUTIONID) from STEP_EXECUTION where JOBEXECUTIONID = ?",
                    execution);
            try (PreparedStatement insert = connection.prepareStatement("insert into PARTITION_EXECUTION "
                    + "(PARTITIONEXECUTIONID, STEPEXECUTIONID, BATCHSTATUS) values (0, ?, ?)")) {
                insert.setLong(1, step);
                insert.setString(2, status);
                insert.executeUpdate();
            }
            return new Run(instance, execution, step);
        }
    }

    private static void update(Connection connection, String sql, Object... values) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
            statement.executeUpdate();
        }
    }

    private static long newest(Connection connection, String sql, Object value) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(sql)) {
            select.setObject(1, value);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private String status(String table, String idColumn, long id) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement(
                     "select BATCHSTATUS from " + table + " where " + idColumn + " = ?")) {
            select.setLong(1, id);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    /** Job, step and partition status of a run, e.g. "FAILED FAILED FAILED". */
    private String statuses(Run run) throws SQLException {
        return status("JOB_EXECUTION", "JOBEXECUTIONID", run.execution()) + " "
                + status("STEP_EXECUTION", "STEPEXECUTIONID", run.step()) + " "
                + status("PARTITION_EXECUTION", "STEPEXECUTIONID", run.step());
    }

    private void forget(List<Run> runs) throws SQLException {
        try (Connection connection = database.getConnection()) {
            for (Run run : runs) {
                update(connection, "delete from PARTITION_EXECUTION where STEPEXECUTIONID = ?", run.step());
                update(connection, "delete from STEP_EXECUTION where JOBEXECUTIONID = ?", run.execution());
                update(connection, "delete from JOB_EXECUTION where JOBINSTANCEID = ?", run.instance());
                update(connection, "delete from JOB_INSTANCE where JOBINSTANCEID = ?", run.instance());
            }
        }
    }

    @Test
    void aServerComingBackMarksOnlyItsOwnInterruptedRunsFailedWithTheirStepsAndPartitions() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String node = "it-node-" + suffix;
        String job = "self-check";
        String application = application();
        Instant processStart = Instant.now().minusSeconds(60);
        Instant before = processStart.minus(Duration.ofHours(1));
        List<Run> runs = new ArrayList<>();
        try {
            Run started = run(job, "STARTED", "startedBy = yanhua\nxietong.node = " + node + "\n", before,
                    application);
            Run stopping = run(job, "STOPPING", "xietong.node = " + node + "\nstartedBy = scheduler\n", before,
                    application);
            Run otherNode = run(job, "STARTED", "startedBy = yanhua\nxietong.node = other-" + suffix + "\n", before,
                    application);
            Run noNode = run(job, "STARTED", "startedBy = system\n", before, application);
            Run sinceStart = run(job, "STARTED", "xietong.node = " + node + "\n", processStart.plusSeconds(1),
                    application);
            runs.addAll(List.of(started, stopping, otherNode, noNode, sinceStart));
            // JBeret holds what it has read once; it must see the change all the same
            assertEquals(BatchStatus.STARTED,
                    BatchRuntime.getJobOperator().getJobExecution(started.execution()).getBatchStatus());

            List<Long> marked = operator.call(() -> interrupted.markFailed(node, processStart));

            assertEquals(List.of(started.execution(), stopping.execution()), marked);
            assertEquals("FAILED FAILED FAILED", statuses(started));
            assertEquals("FAILED FAILED FAILED", statuses(stopping));
            assertEquals("STARTED STARTED STARTED", statuses(otherNode), "another node's run is left alone");
            assertEquals("STARTED STARTED STARTED", statuses(noNode), "a run naming no node is left alone");
            assertEquals("STARTED STARTED STARTED", statuses(sinceStart), "a run begun since the start may be alive");
            var execution = BatchRuntime.getJobOperator().getJobExecution(started.execution());
            assertEquals(BatchStatus.FAILED, execution.getBatchStatus());
            assertEquals(InterruptedRuns.EXIT_STATUS, execution.getExitStatus());
            assertNotNull(execution.getEndTime());

            List<AuditRecord> records = auditor.call(() -> audit.search(
                    new AuditQuery(null, null, null, AuditEvent.JOB_INTERRUPTED, null), 50));
            for (Run run : List.of(started, stopping)) {
                String prefix = job + " execution " + run.execution() + " ";
                assertTrue(records.stream().anyMatch(r -> r.getDetail().startsWith(prefix)
                        && r.getDetail().contains(node)), records::toString);
            }
            assertEquals(List.of(), operator.call(() -> interrupted.markFailed(node, processStart)),
                    "a second start marks nothing again");
        } finally {
            forget(runs);
        }
    }

    @Test
    void aRunStillMarkedRunningIsNotRestartedFromAnotherNode() throws Exception {
        // a run of a real job of this application, as another node would be running it now: JBeret's default restart
        // mode would take it for dead (this server does not hold it in memory) and start it a second time
        Run elsewhere = run("self-check", "STARTED", "startedBy = yanhua\nxietong.node = oa-elsewhere\n",
                Instant.now().minusSeconds(5), application());
        try {
            Exception refused = assertThrows(Exception.class,
                    () -> operator.call(() -> jobs.restart(elsewhere.execution())));
            assertTrue(causes(refused).stream().anyMatch(JobRestartException.class::isInstance),
                    causes(refused)::toString);
            assertEquals("STARTED STARTED STARTED", statuses(elsewhere));
            assertEquals(1, BatchRuntime.getJobOperator().getJobExecutions(
                    BatchRuntime.getJobOperator().getJobInstance(elsewhere.execution())).size());
        } finally {
            forget(List.of(elsewhere));
        }
    }

    /** The application name JBeret gives this deployment's runs, read from a real run of the self-check. */
    private String application() throws Exception {
        long real = operator.call(() -> jobs.start(BatchJob.SELF_CHECK));
        Jobs.awaitEnd(real, Duration.ofMinutes(2));
        return applicationOf(real);
    }

    private String applicationOf(long execution) throws SQLException {
        try (Connection connection = database.getConnection();
             PreparedStatement select = connection.prepareStatement("select i.APPLICATIONNAME from JOB_INSTANCE i "
                     + "join JOB_EXECUTION e on e.JOBINSTANCEID = i.JOBINSTANCEID where e.JOBEXECUTIONID = ?")) {
            select.setLong(1, execution);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static List<Throwable> causes(Throwable thrown) {
        List<Throwable> causes = new ArrayList<>();
        for (Throwable t = thrown; t != null && !causes.contains(t); t = t.getCause()) {
            causes.add(t);
        }
        return causes;
    }
}
