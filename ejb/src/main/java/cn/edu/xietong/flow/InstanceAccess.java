package cn.edu.xietong.flow;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;

/**
 * Who may reach an instance (S3, O1.5), for the services that read it and act on it: a person who takes part in it, or
 * a supervisor of a core flow. Acting locks the instance for the transaction, so that of two people acting on the same
 * to-do at once exactly one succeeds and the other is told {@code flow.taskClosed}.
 */
final class InstanceAccess {

    private InstanceAccess() {
    }

    /** The instance, to read; refused alike when it does not exist and when the caller takes no part in it. */
    static FlowInstance visible(EntityManager em, long instanceId, Person me) {
        FlowInstance instance = em.find(FlowInstance.class, instanceId);
        if (instance == null) {
            throw new EJBAccessException(me.getLogin() + " asked for instance " + instanceId + ", which does not exist");
        }
        requireVisible(instance, me);
        return instance;
    }

    /** The instance, locked to act on. */
    static FlowInstance locked(EntityManager em, long instanceId, Person me) {
        FlowInstance instance = em.createNamedQuery(FlowInstance.LOCKED, FlowInstance.class)
                .setParameter("id", instanceId).getResultStream().findFirst()
                .orElseThrow(() -> new DomainException("flow.noSuchInstance"));
        requireVisible(instance, me);
        return instance;
    }

    /** The instance of a to-do, locked to act on the to-do. */
    static FlowInstance lockedByTask(EntityManager em, long taskId, Person me) {
        FlowInstance instance = em.createNamedQuery(FlowInstance.LOCKED_BY_TASK, FlowInstance.class)
                .setParameter("task", taskId).getResultStream().findFirst()
                .orElseThrow(() -> new DomainException("flow.noSuchInstance"));
        requireVisible(instance, me);
        if (instance.getStatus() == InstanceStatus.DRAFT) {
            throw new DomainException("flow.taskClosed");
        }
        return instance;
    }

    private static void requireVisible(FlowInstance instance, Person me) {
        // involvement first: it is known from the instance, the roles would be read for it
        if (!instance.involves(me) && !(instance.getDesign().isCore() && me.hasRole(Role.SUPERVISOR))) {
            throw new EJBAccessException(me.getLogin() + " takes no part in instance " + instance.getId());
        }
    }
}
