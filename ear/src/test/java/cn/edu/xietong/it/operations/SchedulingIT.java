package cn.edu.xietong.it.operations;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.it.support.AsBatchOperator;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.Jobs;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.JobRun;
import cn.edu.xietong.schedule.ScheduleRow;
import cn.edu.xietong.schedule.ScheduleTicker;
import cn.edu.xietong.schedule.Schedules;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C1, E3, O1.7: batch operators schedule jobs with calendar expressions in the campus time zone; a due schedule fires
 * its job once when the office clock passes it, once however many servers tick at the same moment, and once after
 * every server was down over it; the weekly defaults are there; unusable expressions are refused and change nothing;
 * only batch operators see or change schedules. Every test puts the schedules and the clock back.
 */
@ExtendWith(ArquillianExtension.class)
class SchedulingIT {

    private static final String PASSWORD = "Scheduling-IT-2026";

    @EJB
    private Schedules schedules;

    @EJB
    private ScheduleTicker ticker;

    @EJB
    private BatchJobs jobs;

    @EJB
    private OfficeClock clock;

    @EJB
    private AsBatchOperator operator;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private List<ScheduleRow> before;

    @BeforeEach
    void onlyTheSelfCheckIsScheduled() throws Exception {
        before = operator.call(() -> schedules.all());
        for (ScheduleRow row : before) {
            operator.call(() -> schedules.change(row.job(), row.expression(), false));
        }
    }

    @AfterEach
    void putBackTheSchedulesAndTheClock() throws Exception {
        clock.reset();
        for (ScheduleRow row : before) {
            operator.call(() -> schedules.change(row.job(), row.expression(), row.on()));
        }
    }

    private ScheduleRow dailySelfCheckAt3() throws Exception {
        ScheduleRow row = operator.call(() -> schedules.change(BatchJob.SELF_CHECK, "0 3 * * *", true));
        assertNotNull(row.nextRun());
        return row;
    }

    private List<Long> tickAt(Instant at) throws Exception {
        clock.moveTo(at);
        return operator.call(() -> ticker.fireDue());
    }

    private List<JobRun> scheduledSelfChecks() throws Exception {
        return operator.call(() -> jobs.history(BatchJob.SELF_CHECK, 50)).stream()
                .filter(r -> ScheduleTicker.STARTER.equals(r.startedBy())).toList();
    }

    @Test
    void aDueScheduleFiresItsJobOnceWhenTheOfficeClockPassesIt() throws Exception {
        ScheduleRow row = dailySelfCheckAt3();
        ZonedDateTime due = row.nextRun();
        assertEquals(3, due.getHour());
        assertEquals(0, due.getMinute());
        assertEquals(Campus.zone(), due.getZone());
        int scheduledBefore = scheduledSelfChecks().size();

        assertEquals(List.of(), tickAt(due.toInstant().minus(Duration.ofMinutes(1))), "not due a minute before");
        List<Long> fired = tickAt(due.toInstant().plusSeconds(20));
        assertEquals(1, fired.size(), "due: fired once");
        assertEquals(BatchStatus.COMPLETED, Jobs.awaitEnd(fired.get(0), Duration.ofMinutes(2)).getBatchStatus());
        assertEquals(List.of(), tickAt(due.toInstant().plusSeconds(40)), "the same minute does not fire again");

        ScheduleRow after = operator.call(() -> schedules.all()).stream()
                .filter(r -> r.job() == BatchJob.SELF_CHECK).findFirst().orElseThrow();
        assertEquals(due.plusDays(1), after.nextRun(), "the next run is the next day at 03:00");
        assertEquals(fired.get(0), after.lastExecutionId());
        assertEquals(scheduledBefore + 1, scheduledSelfChecks().size(), "one run, started by the scheduler");
    }

    @Test
    void twoServersTickingAtOnceFireADueScheduleOnce() throws Exception {
        ScheduleRow row = dailySelfCheckAt3();
        clock.moveTo(row.nextRun().toInstant().plusSeconds(5));
        ExecutorService servers = Executors.newFixedThreadPool(4);
        CountDownLatch together = new CountDownLatch(1);
        List<Future<List<Long>>> ticks = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                Callable<List<Long>> tick = () -> {
                    together.await();
                    return operator.call(() -> ticker.fireDue());
                };
                ticks.add(servers.submit(tick));
            }
            together.countDown();
            List<Long> fired = new ArrayList<>();
            for (Future<List<Long>> tick : ticks) {
                fired.addAll(tick.get());
            }
            assertEquals(1, fired.size(), "one of four simultaneous ticks fired it: " + fired);
            Jobs.awaitEnd(fired.get(0), Duration.ofMinutes(2));
        } finally {
            servers.shutdownNow();
        }
    }

    @Test
    void aScheduleMissedWhileEveryServerWasDownFiresOnceAndCountsOnFromThen() throws Exception {
        ScheduleRow row = dailySelfCheckAt3();
        Instant threeDaysLate = row.nextRun().toInstant().plus(Duration.ofDays(3)).plus(Duration.ofHours(2));
        List<Long> fired = tickAt(threeDaysLate);
        assertEquals(1, fired.size(), "three missed days fire once, not three times");
        Jobs.awaitEnd(fired.get(0), Duration.ofMinutes(2));
        ScheduleRow after = operator.call(() -> schedules.all()).stream()
                .filter(r -> r.job() == BatchJob.SELF_CHECK).findFirst().orElseThrow();
        assertTrue(after.nextRun().toInstant().isAfter(threeDaysLate), "counted on from the late tick");
        assertEquals(List.of(), tickAt(threeDaysLate.plusSeconds(30)));
    }

    @Test
    void aScheduleThatIsOffNeverFires() throws Exception {
        ScheduleRow row = dailySelfCheckAt3();
        operator.call(() -> schedules.change(BatchJob.SELF_CHECK, "0 3 * * *", false));
        assertEquals(List.of(), tickAt(row.nextRun().toInstant().plus(Duration.ofDays(2))));
    }

    @Test
    void theWeeklyDefaultsAreBackupSundayAtTwoCleanupSundayAtFourInspectionMondayAtSeven() {
        Map<BatchJob, String> defaults = Map.of(BatchJob.BACKUP, "0 2 * * SUN", BatchJob.CLEANUP, "0 4 * * SUN",
                BatchJob.INSPECTION, "0 7 * * MON");
        defaults.forEach((job, expression) -> {
            ScheduleRow row = before.stream().filter(r -> r.job() == job).findFirst().orElseThrow();
            assertEquals(expression, row.expression(), job.name());
            assertTrue(row.on(), job + " is scheduled from the start");
        });
    }

    @Test
    void thePreviewShowsTheNextRunsInTheCampusTimeZone() throws Exception {
        List<ZonedDateTime> next = operator.call(() -> schedules.preview("0 2 * * sun"));
        assertEquals(Schedules.PREVIEW, next.size());
        for (int i = 0; i < next.size(); i++) {
            assertEquals(DayOfWeek.SUNDAY, next.get(i).getDayOfWeek());
            assertEquals(2, next.get(i).getHour());
            assertEquals(Campus.zone(), next.get(i).getZone());
            if (i > 0) {
                assertEquals(next.get(i - 1).plusWeeks(1), next.get(i));
            }
        }
        assertTrue(next.get(0).toInstant().isAfter(clock.now()));
    }

    @Test
    void anUnusableExpressionIsRefusedWithItsReasonAndChangesNothing() throws Exception {
        ScheduleRow row = dailySelfCheckAt3();
        for (String bad : List.of("0 25 * * *", "0 2 * *", "0 2 * * XYZ", "", "0 0 2 * * * *")) {
            DomainException refused = assertThrows(DomainException.class,
                    () -> operator.call(() -> schedules.change(BatchJob.SELF_CHECK, bad, false)), bad);
            assertEquals("schedule.expression.invalid", refused.messageKey(), bad);
        }
        DomainException never = assertThrows(DomainException.class,
                () -> operator.call(() -> schedules.change(BatchJob.SELF_CHECK, "0 0 30 2 *", true)));
        assertEquals("schedule.expression.never", never.messageKey());
        assertThrows(DomainException.class, () -> operator.call(() -> schedules.preview("0 25 * * *")));
        ScheduleRow after = operator.call(() -> schedules.all()).stream()
                .filter(r -> r.job() == BatchJob.SELF_CHECK).findFirst().orElseThrow();
        assertEquals(row, after, "nothing changed");
    }

    @Test
    void onlyBatchOperatorsSeeOrChangeSchedulesAndEveryChangeIsAudited() throws Exception {
        assertThrows(EJBAccessException.class, () -> staff.call(() -> schedules.all()));
        assertThrows(EJBAccessException.class,
                () -> staff.call(() -> schedules.change(BatchJob.BACKUP, "0 1 * * *", true)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> schedules.preview("0 1 * * *")));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> ticker.fireDue()));

        Person person = data.personIn(data.unit(), PASSWORD, new PasswordHasher(new Argon2Parameters(1024, 1, 1)),
                Role.BATCH_OPERATOR);
        AsPerson.call(person, () -> schedules.change(BatchJob.SELF_CHECK, "15 6 * * MON-FRI", true));
        List<AuditRecord> audited = data.audits(AuditEvent.SCHEDULE_CHANGE, person.getLogin());
        assertEquals(1, audited.size());
        assertEquals("self-check '0 3 * * *' off -> self-check '15 6 * * MON-FRI' on".replace("0 3 * * *",
                before.stream().filter(r -> r.job() == BatchJob.SELF_CHECK).findFirst().orElseThrow().expression()),
                audited.get(0).getDetail());
        ScheduleRow changed = operator.call(() -> schedules.all()).stream()
                .filter(r -> r.job() == BatchJob.SELF_CHECK).findFirst().orElseThrow();
        assertEquals(person.getLogin(), changed.changedBy());
        assertFalse(changed.nextRun().getDayOfWeek().getValue() > 5, "a weekday");
    }
}
