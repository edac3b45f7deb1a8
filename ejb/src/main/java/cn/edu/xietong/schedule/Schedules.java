package cn.edu.xietong.schedule;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;

/**
 * What batch operators do with schedules (C1): read them, give a job a new calendar expression, switch its schedule
 * on or off, and preview the next runs of an expression in the campus time zone. Every change is audited before →
 * after. Running a job now and stopping or restarting a run are {@link cn.edu.xietong.operations.BatchJobs}'.
 */
@Stateless
@RolesAllowed("BATCH_OPERATOR")
public class Schedules {

    /** How many runs a preview shows. */
    public static final int PREVIEW = 5;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    @EJB
    private OfficeClock clock;

    /**
     * Every job's schedule, as a row for the page. The next run of a schedule that is on is the one the servers will
     * fire; before their first tick has fixed it, the one its expression gives from now (what that tick will fix).
     */
    public List<ScheduleRow> all() {
        Instant now = clock.now();
        return em.createNamedQuery(JobSchedule.ALL, JobSchedule.class).getResultStream()
                .filter(s -> BatchJob.byXmlName(s.getJobName()).isPresent())
                .map(s -> new ScheduleRow(BatchJob.byXmlName(s.getJobName()).orElseThrow(), s.getExpression(),
                        s.isEnabled(), s.isEnabled() ? next(s, now) : null, zoned(s.getLastFiredAt()),
                        s.getLastExecutionId(), s.getLastError(), s.getChangedBy(), zoned(s.getChangedAt())))
                .toList();
    }

    private static ZonedDateTime next(JobSchedule schedule, Instant now) {
        if (schedule.getNextRun() != null) {
            return zoned(schedule.getNextRun());
        }
        try {
            return CalendarExpression.parse(schedule.getExpression(), Campus.zone()).nextAfter(now).orElse(null);
        } catch (DomainException unreadable) {
            return null;
        }
    }

    /**
     * Gives the job's schedule a new expression and switches it on or off; the next run is counted from now.
     *
     * @throws DomainException {@code schedule.expression.invalid} or {@code schedule.expression.never} for an
     *                         expression that cannot be used; nothing changes then
     */
    public ScheduleRow change(BatchJob job, String expression, boolean on) {
        CalendarExpression parsed = CalendarExpression.parse(expression, Campus.zone());
        JobSchedule schedule = em.createNamedQuery(JobSchedule.BY_JOB, JobSchedule.class)
                .setParameter("jobName", job.xmlName())
                .getResultStream().findFirst()
                .orElseThrow(() -> new DomainException("schedule.unknown", job.xmlName()));
        String before = schedule.describe();
        String caller = context.getCallerPrincipal().getName();
        schedule.change(parsed, on, caller, clock.now());
        audit.record(AuditEvent.SCHEDULE_CHANGE, AuditOutcome.SUCCESS, caller, null,
                before + " -> " + schedule.describe());
        return all().stream().filter(r -> r.job() == job).findFirst().orElseThrow();
    }

    /**
     * The next {@link #PREVIEW} runs of an expression from now, in the campus time zone.
     *
     * @throws DomainException as {@link #change}
     */
    public List<ZonedDateTime> preview(String expression) {
        return CalendarExpression.parse(expression, Campus.zone()).next(clock.now(), PREVIEW);
    }

    private static ZonedDateTime zoned(Instant at) {
        return at == null ? null : at.atZone(Campus.zone());
    }
}
