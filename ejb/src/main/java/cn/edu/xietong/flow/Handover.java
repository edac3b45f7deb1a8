package cn.edu.xietong.flow;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.instance.Assignee;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.TaskKind;
import cn.edu.xietong.security.AccountKeeper;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * The to-dos a deactivated account still holds, and handing them over to an active person (O2.6), for the
 * administrator who keeps the account ({@link AccountKeeper}, 三员; S2, S3): the system administrator an ordinary
 * person's, the security administrator an administrator's.
 */
@Stateless
@RolesAllowed({"SYS_ADMIN", "SECURITY_ADMIN"})
public class Handover {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private SpecialDays calendar;

    @EJB
    private FlowTrail trail;

    @EJB
    private OfficeClock clock;

    @EJB
    private AuditTrail audit;

    /**
     * The open to-dos of a person, for the administrator who keeps the account to see what a deactivated account still
     * holds (O2.6; the security administrator for the three administrators' accounts, 三员).
     */
    public List<ListedTask> openTasksOf(String login) {
        Instant now = clock.now();
        return Person.byLogin(em, login == null ? "" : login).map(p -> em.createNamedQuery(FlowTask.OPEN_OF,
                FlowTask.class).setParameter("person", p.getId()).setParameter("kind", TaskKind.APPROVAL)
                .setMaxResults(Worklists.LIST_LIMIT).getResultStream().map(t -> ListedTask.of(t, now)).toList())
                .orElse(List.of());
    }

    /**
     * Hands every open to-do of a deactivated account to an active person (O2.6), in one transaction: either all move
     * or, when one cannot (the new person already handles that step), none does and the flow is named. Each move is
     * recorded in its instance's signed trail with the administrator and the reason, and in the audit trail.
     * Whoever keeps the account hands its to-dos over ({@link AccountKeeper}, 三员; S2, S3): the system administrator an
     * ordinary person's, the security administrator an administrator's; and nobody to themselves, who would then
     * approve in another's place. Those refusals are audited.
     *
     * @return how many to-dos moved
     * @throws DomainException {@code account.keptBySecurityAdmin}, {@code account.keptBySystemAdmin},
     *                         {@code flow.reassignToSelf}, {@code flow.reassignActive}, {@code flow.unknownPerson} …
     */
    public int reassignOpenTasks(String fromLogin, String toLogin, String reason) {
        Person from = Person.byLogin(em, fromLogin == null ? "" : fromLogin)
                .orElseThrow(() -> new DomainException("flow.unknownPerson", fromLogin));
        Person me = directory.me();
        AccountKeeper.refusal(me.getLogin(), me::hasRole, from)
                .ifPresent(refusal -> refuseReassignment(me, from.getLogin() + ": " + refusal, refusal));
        if (from.isActive()) {
            throw new DomainException("flow.reassignActive", from.getFullName());
        }
        Person to = FlowDirectory.activePerson(em, toLogin);
        if (to.getId().equals(me.getId())) {
            refuseReassignment(me, from.getLogin() + " -> " + to.getLogin() + ": flow.reassignToSelf",
                    "flow.reassignToSelf");
        }
        List<Long> taskIds = em.createNamedQuery(FlowTask.OPEN_OF, FlowTask.class).setParameter("person", from.getId())
                .setParameter("kind", TaskKind.APPROVAL).getResultList().stream().map(FlowTask::getId).toList();
        CommandRunner runner = new CommandRunner(em, trail, clock.now(), calendar.calendar());
        for (long taskId : taskIds) {
            FlowInstance instance = em.createNamedQuery(FlowInstance.LOCKED_BY_TASK, FlowInstance.class)
                    .setParameter("task", taskId).getSingleResult();
            FlowDirectory.requireParticipant(em, instance.getDesign(), to); // O1.4: core flows stay with their list
            runner.run(instance, context -> {
                try {
                    instance.reassign(instance.task(taskId).orElseThrow(), me, Assignee.of(to), reason, context);
                } catch (DomainException refused) {
                    if (!"flow.alreadyHandler".equals(refused.messageKey())) {
                        throw refused;
                    }
                    throw new DomainException("flow.reassignRefused", instance.getTitle(), to.getFullName());
                }
            });
        }
        audit.record(AuditEvent.FLOW_REASSIGN, AuditOutcome.SUCCESS, me.getLogin(), null,
                taskIds.size() + " to-dos " + from.getLogin() + " -> " + to.getLogin() + ": " + reason);
        return taskIds.size();
    }

    private void refuseReassignment(Person me, String detail, String messageKey) {
        audit.record(AuditEvent.FLOW_REASSIGN, AuditOutcome.DENIED, me.getLogin(), null, detail);
        throw new DomainException(messageKey);
    }
}
