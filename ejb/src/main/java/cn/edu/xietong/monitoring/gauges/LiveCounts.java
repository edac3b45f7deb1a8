package cn.edu.xietong.monitoring.gauges;

import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.mail.OutboxMail;
import cn.edu.xietong.mail.OutboxState;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumMap;
import java.util.Map;

/** The counts the gauges show, read from the database shared by every server: three aggregate queries. */
@Stateless
@PermitAll
public class LiveCounts {

    /** Open to-dos (approvals), those past their deadline, and outbox mails by state. */
    public record Counts(long openTodos, long overdueTodos, Map<OutboxState, Long> outbox) {
    }

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    public Counts read() {
        long open = em.createNamedQuery(FlowTask.COUNT_ALL_OPEN, Long.class).getSingleResult();
        long overdue = em.createNamedQuery(FlowTask.COUNT_ALL_OVERDUE, Long.class)
                .setParameter("now", clock.now()).getSingleResult();
        Map<OutboxState, Long> outbox = new EnumMap<>(OutboxState.class);
        for (OutboxState state : OutboxState.values()) {
            outbox.put(state, 0L);
        }
        em.createNamedQuery(OutboxMail.COUNT_BY_STATE, Object[].class).getResultList()
                .forEach(row -> outbox.put((OutboxState) row[0], (Long) row[1]));
        return new Counts(open, overdue, outbox);
    }
}
