package cn.edu.xietong.it.operations;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsBatchOperator;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.Jobs;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.JobRun;
import cn.edu.xietong.operations.SelfCheckReport;
import cn.edu.xietong.operations.SelfChecks;
import cn.edu.xietong.operations.TableCount;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C1, O2.5: the self-check job runs end to end in JBeret and stores a report that matches the database. */
@ExtendWith(ArquillianExtension.class)
class SelfCheckJobIT {

    @EJB
    private BatchJobs jobs;

    @EJB
    private SelfChecks selfCheck;

    @EJB
    private AsBatchOperator operator;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private static JobExecution awaitEnd(long executionId) throws InterruptedException {
        return Jobs.awaitEnd(executionId, Duration.ofSeconds(60));
    }

    @Test
    void selfCheckCompletesAndStoresTheRowCountOfEveryTable() throws Exception {
        data.unit(); // the counts must see what this test added, not a fixed number

        long executionId = operator.call(() -> jobs.start(BatchJob.SELF_CHECK));
        JobExecution execution = awaitEnd(executionId);
        assertEquals(BatchStatus.COMPLETED, execution.getBatchStatus());

        SelfCheckReport report = operator.call(() -> selfCheck.byExecution(executionId)).orElseThrow();
        assertNotNull(report.getFinishedAt());
        Map<String, Long> rows = report.getEntries().stream()
                .collect(Collectors.toMap(TableCount::getTableName, TableCount::getRowCount));
        List<String> tables = operator.call(() -> selfCheck.tableNames());
        assertEquals(tables.size(), rows.size(), "one entry per table of the schema");
        assertEquals(data.count(Person.class), rows.get("person"));
        assertEquals(data.count(Unit.class), rows.get("org_unit"));
        assertTrue(rows.containsKey("flyway_schema_history"), rows.keySet().toString());
        assertEquals("COMPLETED", execution.getExitStatus());
    }

    @Test
    void historyShowsTheRunWithItsStatusTimesAndStarter() throws Exception {
        long executionId = operator.call(() -> jobs.start(BatchJob.SELF_CHECK));
        awaitEnd(executionId);

        List<JobRun> history = operator.call(() -> jobs.history(BatchJob.SELF_CHECK, 50));
        JobRun run = history.stream().filter(r -> r.executionId() == executionId).findFirst().orElseThrow();
        assertEquals(BatchStatus.COMPLETED, run.status());
        assertEquals("self-check", run.jobName());
        assertNotNull(run.startedAt());
        assertNotNull(run.endedAt());
        assertNotNull(run.startedBy());
        assertTrue(history.get(0).executionId() >= executionId, "newest run first");
    }

    @Test
    void staffCannotStartJobsNorReadTheirHistoryOrReports() {
        assertThrows(EJBAccessException.class, () -> staff.call(() -> jobs.start(BatchJob.SELF_CHECK)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> jobs.history(BatchJob.SELF_CHECK, 5)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> selfCheck.latest()));
    }

    @Test
    void aTableNameNotInTheSchemaIsRefusedBeforeAnySqlIsBuilt() {
        Exception refused = assertThrows(Exception.class,
                () -> operator.call(() -> selfCheck.countRows("person; drop table person")));
        assertTrue(refused.getMessage().contains("not a table of the schema")
                || (refused.getCause() != null && refused.getCause().getMessage().contains("not a table")), refused.toString());
    }
}
