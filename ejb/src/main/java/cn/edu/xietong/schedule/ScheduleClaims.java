package cn.edu.xietong.schedule;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * The scheduler's writes, each in a transaction of its own so that a claim is decided (committed) before the job
 * starts. A claim is a conditional update: it moves a due schedule's next run only if nobody moved it first, so of
 * several servers ticking at once exactly one wins.
 */
@Stateless
@PermitAll
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class ScheduleClaims {

    @PersistenceContext
    private EntityManager em;

    /** The schedules that are on, as they stand now. */
    public List<JobSchedule> on() {
        return em.createNamedQuery(JobSchedule.ALL, JobSchedule.class).getResultStream()
                .filter(JobSchedule::isEnabled).toList();
    }

    /**
     * Gives a schedule that is on but was never computed its first next run; false when another server did, or the
     * schedule changed since it was read at {@code version}.
     */
    public boolean firstNext(long scheduleId, long version, Instant next) {
        return em.createNamedQuery(JobSchedule.FIRST_NEXT)
                .setParameter("id", scheduleId)
                .setParameter("version", version)
                .setParameter("next", next)
                .executeUpdate() == 1;
    }

    /**
     * Claims the run due at {@code due}, moving the next run to {@code next}; true for the one caller that moved it,
     * false when the schedule changed since it was read at {@code version} (claimed elsewhere, edited, switched off).
     */
    public boolean claim(long scheduleId, long version, Instant due, Instant next, Instant now) {
        return em.createNamedQuery(JobSchedule.CLAIM)
                .setParameter("id", scheduleId)
                .setParameter("version", version)
                .setParameter("due", due)
                .setParameter("next", next)
                .setParameter("now", now.truncatedTo(java.time.temporal.ChronoUnit.MICROS))
                .executeUpdate() == 1;
    }

    public void started(long scheduleId, long executionId) {
        JobSchedule schedule = em.find(JobSchedule.class, scheduleId);
        if (schedule != null) {
            schedule.started(executionId);
        }
    }

    public void failedToStart(long scheduleId, String reason) {
        JobSchedule schedule = em.find(JobSchedule.class, scheduleId);
        if (schedule != null) {
            schedule.failedToStart(reason);
        }
    }
}
