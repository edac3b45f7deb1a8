package cn.edu.xietong.flow;

import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.calendar.WorkingCalendar;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.instance.FlowContext;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.flow.instance.TaskKind;
import cn.edu.xietong.flow.instance.TaskStatus;
import cn.edu.xietong.presence.WorkingHours;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The supervision board of core flows (O1.5), for the SUPERVISOR: every instance, stuck and overdue first; per unit
 * and per handler counts and average handling time in working hours; and the supervisor's comments (督办意见) and
 * urging (督办), which the signed trail records and the handlers are told of.
 */
@Stateless
@RolesAllowed("SUPERVISOR")
public class Supervision {

    /** At most this many instances are read for the board; older finished ones drop off. */
    static final int BOARD_LIMIT = 2000;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @EJB
    private SpecialDays calendar;

    @EJB
    private Directory directory;

    @EJB
    private FlowTrail trail;


    private List<FlowInstance> coreInstances() {
        return em.createNamedQuery(FlowInstance.OF_CORE_DESIGNS, FlowInstance.class).setMaxResults(BOARD_LIMIT)
                .getResultList();
    }

    /** Running instances first (overdue, then longest waiting), then finished ones, newest first. */
    public List<BoardRow> board() {
        Instant now = clock.now();
        WorkingCalendar days = calendar.calendar();
        WorkingHours hours = WorkingHours.configured();
        List<BoardRow> rows = new ArrayList<>();
        for (FlowInstance instance : coreInstances()) {
            List<FlowTask> open = instance.liveTasks();
            Instant since = open.stream().map(FlowTask::getArrivedAt).min(Comparator.naturalOrder()).orElse(now);
            rows.add(new BoardRow(ListedInstance.of(instance), open.stream().map(t -> t.getAssignee().getFullName())
                    .toList(), open.stream().anyMatch(t -> t.isOverdue(now)),
                    instance.getStatus() == InstanceStatus.RUNNING
                            ? hours.workingTime(since, now, days, Campus.zone()) : Duration.ZERO));
        }
        rows.sort(Comparator.comparing((BoardRow r) -> r.instance().status() != InstanceStatus.RUNNING)
                .thenComparing(r -> !r.overdue())
                .thenComparing(BoardRow::waiting, Comparator.reverseOrder()));
        return rows;
    }

    /** Per handler's unit. */
    public List<HandlingFigure> byUnit() {
        return figures(t -> t.getAssignee().getUnit().getNameZh());
    }

    /** Per handler. */
    public List<HandlingFigure> byHandler() {
        return figures(t -> t.getAssignee().getFullName() + " (" + t.getAssignee().getLogin() + ")");
    }

    private List<HandlingFigure> figures(Function<FlowTask, String> key) {
        Instant now = clock.now();
        WorkingCalendar days = calendar.calendar();
        WorkingHours hours = WorkingHours.configured();
        Map<String, long[]> counts = new LinkedHashMap<>();
        Map<String, Duration> time = new LinkedHashMap<>();
        for (FlowInstance instance : coreInstances()) {
            for (FlowTask task : instance.getTasks()) {
                if (task.getKind() != TaskKind.APPROVAL) {
                    continue;
                }
                String name = key.apply(task);
                long[] c = counts.computeIfAbsent(name, k -> new long[3]);
                if (task.getStatus() == TaskStatus.DONE && task.getDecision() != null) {
                    c[0]++;
                    time.merge(name, hours.workingTime(task.getArrivedAt(), task.getActedAt(), days, Campus.zone()),
                            Duration::plus);
                } else if (task.getStatus() == TaskStatus.OPEN) {
                    c[1]++;
                    if (task.isOverdue(now)) {
                        c[2]++;
                    }
                }
            }
        }
        List<HandlingFigure> figures = new ArrayList<>();
        counts.forEach((name, c) -> figures.add(new HandlingFigure(name, c[0], c[1], c[2],
                c[0] == 0 ? 0 : time.getOrDefault(name, Duration.ZERO).toMinutes() / 60.0 / c[0])));
        figures.sort(Comparator.comparing(HandlingFigure::overdue).thenComparing(HandlingFigure::averageWorkingHours)
                .reversed());
        return figures;
    }

    /** A supervisor's comment on a core flow, in its signed trail. */
    public FlowInstance comment(long instanceId, String text) {
        return onCore(instanceId, (instance, me, context) -> instance.comment(me, text, context));
    }

    /** Urges (督办) the current handlers of a core flow; they are told by notice and mail. */
    public FlowInstance urge(long instanceId, String note) {
        return onCore(instanceId, (instance, me, context) -> instance.urge(me, true, note, context));
    }

    /** A supervisor's command on a core flow, by the caller ({@code me}). */
    @FunctionalInterface
    private interface SupervisorCommand {
        void run(FlowInstance instance, Person me, FlowContext context);
    }

    /** Locks the instance, refuses one that is not of a core flow, runs the command and seals the trail. */
    private FlowInstance onCore(long instanceId, SupervisorCommand command) {
        FlowInstance instance = em.find(FlowInstance.class, instanceId, LockModeType.PESSIMISTIC_WRITE);
        if (instance == null || !instance.getDesign().isCore()) {
            throw new DomainException("flow.noSuchInstance");
        }
        Person me = directory.me();
        return new CommandRunner(em, trail, clock.now(), calendar.calendar())
                .run(instance, context -> command.run(instance, me, context));
    }
}
