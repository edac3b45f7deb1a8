package cn.edu.xietong.schedule;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.JobStarter;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import org.jboss.ejb3.annotation.RunAsPrincipal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Fires due schedules (C1). Every server ticks once a minute; for each schedule that is on and due by the office
 * clock it claims the run ({@link ScheduleClaims#claim}) and, if it won the claim, starts the job as the batch
 * operator "scheduler". A schedule that came due while every server was down fires once at the next tick, and its
 * next run is counted from then. A server started with {@code -Dxietong.schedules.tick=false} does not tick (the test
 * server, whose tests move the office clock by months, fires schedules only when a test asks {@link #fireDue()}).
 */
@Stateless
@RunAs("BATCH_OPERATOR")
@RunAsPrincipal(ScheduleTicker.STARTER)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ScheduleTicker {

    /** Who starts scheduled runs, as the jobs page and the audit trail show it. */
    public static final String STARTER = "scheduler";

    private static final boolean TICKING =
            Boolean.parseBoolean(System.getProperty("xietong.schedules.tick", "true"));

    private static final Logger LOG = Logger.getLogger(ScheduleTicker.class.getName());

    @EJB
    private ScheduleClaims claims;

    @EJB
    private JobStarter starter;

    @EJB
    private AuditTrail audit;

    @EJB
    private OfficeClock clock;

    @Schedule(minute = "*", hour = "*", persistent = false, info = "job schedules")
    void everyMinute() {
        if (!TICKING) {
            return;
        }
        try {
            fireDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job schedules: tick failed", e);
        }
    }

    /** Fires every schedule due by now; answers the executions this server started. */
    @RolesAllowed({"BATCH_OPERATOR", "SYS_ADMIN"})
    public List<Long> fireDue() {
        Instant now = clock.now();
        List<Long> started = new ArrayList<>();
        for (JobSchedule schedule : claims.on()) {
            Optional<Instant> next;
            try {
                next = CalendarExpression.parse(schedule.getExpression(), Campus.zone()).nextAfter(now)
                        .map(t -> t.toInstant());
            } catch (RuntimeException unreadable) {
                claims.failedToStart(schedule.getId(), "expression " + schedule.getExpression());
                continue;
            }
            if (next.isEmpty()) {
                continue;
            }
            if (schedule.getNextRun() == null) {
                claims.firstNext(schedule.getId(), schedule.getVersion(), next.get());
            } else if (!schedule.getNextRun().isAfter(now)
                    && claims.claim(schedule.getId(), schedule.getVersion(), schedule.getNextRun(), next.get(), now)) {
                start(schedule).ifPresent(started::add);
            }
        }
        return started;
    }

    private Optional<Long> start(JobSchedule schedule) {
        Optional<BatchJob> job = BatchJob.byXmlName(schedule.getJobName());
        if (job.isEmpty()) {
            claims.failedToStart(schedule.getId(), "no such job: " + schedule.getJobName());
            return Optional.empty();
        }
        try {
            Properties parameters = new Properties();
            parameters.setProperty(BatchJob.STARTED_BY, STARTER);
            long executionId = starter.start(job.get().xmlName(), parameters);
            claims.started(schedule.getId(), executionId);
            audit.record(AuditEvent.JOB_START, AuditOutcome.SUCCESS, STARTER, null,
                    job.get().xmlName() + " execution " + executionId + " (scheduled " + schedule.getNextRun() + ")");
            return Optional.of(executionId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "job schedules: cannot start " + schedule.getJobName(), e);
            claims.failedToStart(schedule.getId(), e.toString());
            audit.record(AuditEvent.JOB_START, AuditOutcome.FAILURE, STARTER, null,
                    job.get().xmlName() + ": " + e);
            return Optional.empty();
        }
    }
}
