package cn.edu.xietong.flow;

import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.TaskStatus;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Finds overdue to-dos (B2, A2): reminds each handler once (a notification, which the mail gateway's outbox also e-mails if they want it), and after a further number of
 * working days (the setting {@code xietong.flow.escalateAfterDays}, default 1) escalates to the handler's unit leader, which the
 * instance's signed trail records. Each to-do is handled in its own transaction under its instance's lock, so that
 * servers of a cluster running the sweep at once do not remind twice, and one failure does not stop the others.
 */
@Stateless
@PermitAll
public class OverdueSweep {

    private static final Logger LOG = Logger.getLogger(OverdueSweep.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @EJB
    private SpecialDays calendar;


    @EJB
    private FlowTrail trail;

    @Resource
    private SessionContext context;

    @EJB
    private Settings settings;

    /** Working days after the deadline before escalation (the setting {@code xietong.flow.escalateAfterDays}). */
    int escalateAfterDays() {
        return Math.max(1, settings.integer(Setting.ESCALATE_AFTER_DAYS));
    }

    /** Handles every overdue to-do that still needs a reminder or an escalation; returns how many it touched. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sweep() {
        List<Long> overdue = em.createNamedQuery(FlowTask.OVERDUE, FlowTask.class).setParameter("now", clock.now())
                .getResultStream().filter(t -> t.getRemindedAt() == null || t.getEscalatedAt() == null)
                .map(FlowTask::getId).toList();
        OverdueSweep self = context.getBusinessObject(OverdueSweep.class);
        int touched = 0;
        for (Long id : overdue) {
            try {
                if (self.handle(id)) {
                    touched++;
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "overdue to-do " + id + " not handled: " + e);
            }
        }
        return touched;
    }

    /** Reminds or escalates one to-do if it still needs it. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean handle(long taskId) {
        FlowInstance instance = em.createNamedQuery(FlowInstance.LOCKED_BY_TASK, FlowInstance.class)
                .setParameter("task", taskId).getSingleResult();
        FlowTask task = instance.task(taskId).orElseThrow();
        Instant now = clock.now();
        if (task.getStatus() != TaskStatus.OPEN || !task.isOverdue(now)) {
            return false;
        }
        boolean[] touched = {false};
        new CommandRunner(em, trail, now, calendar.calendar()).run(instance, context -> {
            if (task.getRemindedAt() == null) {
                instance.remind(task, now);
                touched[0] = true;
            }
            if (task.getEscalatedAt() == null
                    && !context.deadlines().due(task.getDueAt(), escalateAfterDays()).isAfter(now)) {
                Optional<Person> leader = new FlowDirectory(em, instance.getDesign()).leaderOf(task.getAssignee());
                if (leader.isPresent()) {
                    instance.escalate(task, leader.get(), context);
                } else {
                    task.escalated(now);
                }
                touched[0] = true;
            }
        });
        return touched[0];
    }
}
