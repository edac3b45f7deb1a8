package cn.edu.xietong.flow;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.TaskKind;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.List;

/**
 * The caller's own lists of flows (A2, B2): to-dos (待办), what they have handled (已办), copies to read and read
 * (待阅, 已阅), the instances they started, and the counts the workbench shows, overdue ones by the office clock.
 * Each list answers the caller only.
 */
@Stateless
@RolesAllowed("STAFF")
public class Worklists {

    /** The longest list read at once (the pages narrow a list with their filters). */
    static final int LIST_LIMIT = 500;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private OfficeClock clock;

    /** My to-dos (待办), oldest first (A2). */
    public List<ListedTask> todos() {
        return tasks(FlowTask.OPEN_OF, TaskKind.APPROVAL);
    }

    /** What I have handled (已办), newest first. */
    public List<ListedTask> done() {
        return tasks(FlowTask.DONE_BY, TaskKind.APPROVAL);
    }

    /** Copies for me to read (待阅). */
    public List<ListedTask> copiesToRead() {
        return tasks(FlowTask.OPEN_OF, TaskKind.COPY);
    }

    /** Copies I have read (已阅). */
    public List<ListedTask> copiesRead() {
        return tasks(FlowTask.DONE_BY, TaskKind.COPY);
    }

    /** The instances I started, newest first. */
    public List<ListedInstance> mine() {
        return em.createNamedQuery(FlowInstance.OF_INITIATOR, FlowInstance.class)
                .setParameter("person", directory.me().getId()).setMaxResults(LIST_LIMIT).getResultStream()
                .map(ListedInstance::of).toList();
    }

    /** How many to-dos I have, how many of them are overdue (B2), copies to read, and my running flows. */
    public FlowCounts counts() {
        Long me = directory.me().getId();
        return new FlowCounts(
                em.createNamedQuery(FlowTask.COUNT_OPEN, Long.class).setParameter("person", me)
                        .setParameter("kind", TaskKind.APPROVAL).getSingleResult(),
                em.createNamedQuery(FlowTask.COUNT_OVERDUE_OF, Long.class).setParameter("person", me)
                        .setParameter("now", clock.now()).getSingleResult(),
                em.createNamedQuery(FlowTask.COUNT_OPEN, Long.class).setParameter("person", me)
                        .setParameter("kind", TaskKind.COPY).getSingleResult(),
                em.createNamedQuery(FlowInstance.COUNT_RUNNING_OF, Long.class).setParameter("person", me)
                        .getSingleResult());
    }

    private List<ListedTask> tasks(String query, TaskKind kind) {
        Instant now = clock.now();
        return em.createNamedQuery(query, FlowTask.class).setParameter("person", directory.me().getId())
                .setParameter("kind", kind).setMaxResults(LIST_LIMIT).getResultStream()
                .map(t -> ListedTask.of(t, now)).toList();
    }
}
