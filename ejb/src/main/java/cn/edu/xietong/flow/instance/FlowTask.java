package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.time.Instant;

/**
 * A to-do (待办) or a copy (待阅) of one person at one node of an instance. It belongs to the instance, which alone
 * changes it; a to-do of an earlier round of the same node (before a return) stays as history.
 */
@Entity
@Table(name = "flow_task")
@NamedQuery(name = FlowTask.OPEN_OF, query = "select t from FlowTask t where t.assignee.id = :person"
        + " and t.status = cn.edu.xietong.flow.instance.TaskStatus.OPEN and t.kind = :kind order by t.arrivedAt")
@NamedQuery(name = FlowTask.DONE_BY, query = "select t from FlowTask t where t.assignee.id = :person"
        + " and t.status = cn.edu.xietong.flow.instance.TaskStatus.DONE and t.kind = :kind order by t.actedAt desc")
@NamedQuery(name = FlowTask.COUNT_OPEN, query = "select count(t) from FlowTask t where t.assignee.id = :person"
        + " and t.status = cn.edu.xietong.flow.instance.TaskStatus.OPEN and t.kind = :kind")
@NamedQuery(name = FlowTask.COUNT_OVERDUE_OF, query = "select count(t) from FlowTask t where t.assignee.id = :person"
        + " and t.status = cn.edu.xietong.flow.instance.TaskStatus.OPEN"
        + " and t.kind = cn.edu.xietong.flow.instance.TaskKind.APPROVAL and t.dueAt < :now")
@NamedQuery(name = FlowTask.OVERDUE, query = "select t from FlowTask t where t.status = "
        + "cn.edu.xietong.flow.instance.TaskStatus.OPEN and t.kind = cn.edu.xietong.flow.instance.TaskKind.APPROVAL"
        + " and t.dueAt < :now order by t.dueAt")
@NamedQuery(name = FlowTask.COUNT_ALL_OPEN, query = "select count(t) from FlowTask t where t.status = "
        + "cn.edu.xietong.flow.instance.TaskStatus.OPEN and t.kind = cn.edu.xietong.flow.instance.TaskKind.APPROVAL")
@NamedQuery(name = FlowTask.COUNT_ALL_OVERDUE, query = "select count(t) from FlowTask t where t.status = "
        + "cn.edu.xietong.flow.instance.TaskStatus.OPEN and t.kind = cn.edu.xietong.flow.instance.TaskKind.APPROVAL"
        + " and t.dueAt < :now")
public class FlowTask {

    public static final String OPEN_OF = "FlowTask.openOf";
    public static final String DONE_BY = "FlowTask.doneBy";
    public static final String COUNT_OPEN = "FlowTask.countOpen";
    public static final String OVERDUE = "FlowTask.overdue";
    public static final String COUNT_OVERDUE_OF = "FlowTask.countOverdueOf";
    /** Every open to-do, and those past their deadline: the monitoring gauges (O2.5). */
    public static final String COUNT_ALL_OPEN = "FlowTask.countAllOpen";
    public static final String COUNT_ALL_OVERDUE = "FlowTask.countAllOverdue";

    @Id
    @SequenceGenerator(name = "flow_task_seq", sequenceName = "flow_task_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_task_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "instance_id", nullable = false)
    private FlowInstance instance;

    /** The position of the node on the instance's path. */
    @Column(nullable = false)
    private int step;

    /** Which entry into the node this to-do belongs to; a return and a later re-entry start a new round. */
    @Column(nullable = false)
    private int round;

    @Column(name = "node_id", nullable = false, length = 32)
    private String nodeId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private TaskKind kind;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "assignee_id", nullable = false)
    private Person assignee;

    /** Under a proxy (委托): the person the assignee acts for. */
    @ManyToOne(fetch = FetchType.EAGER)
    @BatchFetch(BatchFetchType.IN)
    @JoinColumn(name = "on_behalf_of_id")
    private Person onBehalfOf;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private TaskStatus status = TaskStatus.OPEN;

    @Enumerated(EnumType.STRING)
    @Column(length = 12)
    private Decision decision;

    @Column(length = 2000)
    private String opinion;

    /** Added by another handler (加签), rather than named by the design. */
    @Column(nullable = false)
    private boolean added;

    /** For an approver added before a handler: that handler's to-do, which waits. */
    @ManyToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "waits_for_me_id")
    private FlowTask waitingHandler;

    @Column(name = "arrived_at", nullable = false)
    private Instant arrivedAt;

    @Column(name = "due_at")
    private Instant dueAt;

    @Column(name = "acted_at")
    private Instant actedAt;

    @Column(name = "reminded_at")
    private Instant remindedAt;

    @Column(name = "escalated_at")
    private Instant escalatedAt;

    protected FlowTask() {
    }

    FlowTask(FlowInstance instance, int step, int round, String nodeId, TaskKind kind, Assignee assignee,
             Instant arrivedAt, Instant dueAt) {
        this.instance = instance;
        this.step = step;
        this.round = round;
        this.nodeId = nodeId;
        this.kind = kind;
        this.assignee = assignee.person();
        this.onBehalfOf = assignee.onBehalfOf();
        this.arrivedAt = arrivedAt;
        this.dueAt = dueAt;
    }

    void close(TaskStatus closing, Decision how, String text, Instant at) {
        this.status = closing;
        this.decision = how;
        this.opinion = text;
        this.actedAt = at;
    }

    void waitFor() {
        status = TaskStatus.WAITING;
    }

    void reopen(Instant at, Instant due) {
        status = TaskStatus.OPEN;
        arrivedAt = at;
        dueAt = due;
        remindedAt = null;
        escalatedAt = null;
    }

    void addedBefore(FlowTask handler) {
        this.added = true;
        this.waitingHandler = handler;
    }

    void markAdded() {
        this.added = true;
    }

    /** A reminder went out (B2). */
    public void reminded(Instant at) {
        remindedAt = at;
    }

    /** It was escalated to the handler's unit leader (B2). */
    public void escalated(Instant at) {
        escalatedAt = at;
    }

    public boolean isOverdue(Instant now) {
        return status == TaskStatus.OPEN && kind == TaskKind.APPROVAL && dueAt != null && dueAt.isBefore(now);
    }

    boolean inCurrentRound(FlowInstance of) {
        return step == of.getStep() && round == of.getRound() && kind == TaskKind.APPROVAL;
    }

    public Long getId() {
        return id;
    }

    public FlowInstance getInstance() {
        return instance;
    }

    public int getStep() {
        return step;
    }

    public int getRound() {
        return round;
    }

    public String getNodeId() {
        return nodeId;
    }

    public TaskKind getKind() {
        return kind;
    }

    public Person getAssignee() {
        return assignee;
    }

    public Person getOnBehalfOf() {
        return onBehalfOf;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public Decision getDecision() {
        return decision;
    }

    public String getOpinion() {
        return opinion;
    }

    public boolean isAdded() {
        return added;
    }

    public FlowTask getWaitingHandler() {
        return waitingHandler;
    }

    public Instant getArrivedAt() {
        return arrivedAt;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public Instant getActedAt() {
        return actedAt;
    }

    public Instant getRemindedAt() {
        return remindedAt;
    }

    public Instant getEscalatedAt() {
        return escalatedAt;
    }

    @Override
    public String toString() {
        return "task " + nodeId + "#" + round + " " + assignee.getLogin() + " " + status;
    }
}
