package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.design.DesignStatus;
import cn.edu.xietong.flow.design.DryRunStep;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.design.ResubmitPolicy;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.trail.ActionKind;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.LockModeType;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import jakarta.persistence.Version;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A running flow (A1–A3): the design version it started on, its initiator and form, the path its form takes through
 * the design, where it is now, its to-dos, and the head of its signed trail (B3).
 * <p>
 * The state machine lives here. Every transition checks who acts and in which state, refuses with a
 * {@link DomainException} that says why, and appends one or more actions to the trail; the service that calls it
 * holds a lock on the instance, so that two people acting at once are applied one after the other and the second is
 * refused with {@code flow.taskClosed} rather than applied twice.
 * <p>
 * Nodes are entered in rounds: each entry into a node (first arrival, arrival after a return) opens a new round of
 * to-dos, and only the current round decides. A return from inside a countersign (会签) or any-one (或签) node closes
 * the whole round, approvals of the other members included, so the node is decided afresh when the flow comes back.
 * <p>
 * Whoever a transition concerns is told (A2, B2): the transition notes it here, and the service takes the
 * notifications with the trail's actions ({@link #takeNotices}), in the same transaction.
 */
@Entity
@Table(name = "flow_instance")
@NamedQuery(name = FlowInstance.LOCKED, query = "select i from FlowInstance i where i.id = :id",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(name = FlowInstance.LOCKED_BY_TASK, query = "select i from FlowInstance i"
        + " where i.id = (select t.instance.id from FlowTask t where t.id = :task)",
        lockMode = LockModeType.PESSIMISTIC_WRITE)
@NamedQuery(name = FlowInstance.OF_INITIATOR, query = "select i from FlowInstance i where i.initiator.id = :person"
        + " order by i.createdAt desc")
@NamedQuery(name = FlowInstance.COUNT_RUNNING_OF, query = "select count(i) from FlowInstance i"
        + " where i.initiator.id = :person and i.status = cn.edu.xietong.flow.instance.InstanceStatus.RUNNING")
@NamedQuery(name = FlowInstance.OF_CORE_DESIGNS, query = "select i from FlowInstance i where i.design.core = true"
        + " and i.status <> cn.edu.xietong.flow.instance.InstanceStatus.DRAFT order by i.submittedAt desc")
public class FlowInstance {

    /** The instance, locked for update (prepared once, unlike a find with a lock mode). */
    public static final String LOCKED = "FlowInstance.locked";
    /** The instance a task belongs to, locked for update, in one statement. */
    public static final String LOCKED_BY_TASK = "FlowInstance.lockedByTask";
    public static final String OF_INITIATOR = "FlowInstance.ofInitiator";
    public static final String COUNT_RUNNING_OF = "FlowInstance.countRunningOf";
    public static final String OF_CORE_DESIGNS = "FlowInstance.ofCoreDesigns";

    public static final int MAX_TITLE = 100;
    public static final int MAX_OPINION = 2000;
    /** The longest urging note: it is sent on as a notice, whose note holds at most this much. */
    public static final int MAX_NOTE = 500;
    /** The initiator may urge (催办) once in this time. */
    public static final Duration URGE_INTERVAL = Duration.ofHours(1);

    @Id
    @SequenceGenerator(name = "flow_instance_seq", sequenceName = "flow_instance_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_instance_seq")
    private Long id;

    /** Names the instance in its signed trail, independent of database ids. */
    @Column(nullable = false, unique = true, length = 36)
    private String uid;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "design_id", nullable = false)
    private FlowDesign design;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "initiator_id", nullable = false)
    private Person initiator;

    /** The initiator's unit when they started it. */
    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "unit_id", nullable = false)
    private Unit unit;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private InstanceStatus status = InstanceStatus.DRAFT;

    @Column(name = "values_json", nullable = false, length = FormValues.MAX_JSON)
    private String valuesJson;

    /** The node ids of the path, comma-separated; set at each submission. */
    @Column(length = 1000)
    private String path = "";

    /** The position on the path where the flow is (the path's length once approved). */
    @Column(nullable = false)
    private int step;

    /** Counts entries into nodes; the to-dos of the current entry carry it. */
    @Column(nullable = false)
    private int round;

    /** The node a return came from whose design sends the flow straight back to it (A3). */
    @Column(name = "returned_from", length = 32)
    private String returnedFrom;

    @Column(name = "return_reason", length = MAX_OPINION)
    private String returnReason;

    /** The initiator's choices of handlers: {@code node:login,login;node:login}. */
    @Column(length = 2000)
    private String choices = "";

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "submitted_at")
    private Instant submittedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "urged_at")
    private Instant urgedAt;

    /** Actions of handlers since the last submission; the initiator may withdraw only while there are none. */
    @Column(name = "handler_acts", nullable = false)
    private int handlerActs;

    @Column(name = "action_seq", nullable = false)
    private int actionSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash = FlowAction.GENESIS;

    @OneToMany(mappedBy = "instance", cascade = CascadeType.ALL)
    @OrderBy("id")
    private List<FlowTask> tasks = new ArrayList<>();

    @Version
    @Column(name = "row_version")
    private long rowVersion;

    @Transient
    private FormValues values;

    @Transient
    private List<NodeSpec> pathNodes;

    @Transient
    private String pathNodesOf;

    /** Actions appended since the instance was loaded, for the service to sign and store. */
    @Transient
    private List<FlowAction> appended = new ArrayList<>();

    /** People to tell since the instance was loaded, for the service to store with the actions. */
    @Transient
    private List<Told> told = new ArrayList<>();

    /** A notice; one about a to-do ({@code task}) is given only if that to-do is still open. */
    private record Told(Notice notice, FlowTask task) {
    }

    protected FlowInstance() {
    }

    private FlowInstance(FlowDesign design, Person initiator, String title, FormValues values, Instant now) {
        this.uid = UUID.randomUUID().toString();
        this.design = design;
        this.initiator = initiator;
        this.unit = initiator.getUnit();
        this.title = title;
        setValues(values);
        this.createdAt = now;
    }

    /** A draft of a published design. */
    public static FlowInstance draft(FlowDesign design, Person initiator, String title, FormValues values,
                                     Instant now) {
        if (design.getStatus() != DesignStatus.PUBLISHED) {
            throw new DomainException("flow.designNotPublished");
        }
        return new FlowInstance(design, initiator, checkedTitle(title), values, now);
    }

    private static String checkedTitle(String title) {
        String clean = DisplayText.clean(title);
        if (clean.isEmpty()) {
            throw new DomainException("flow.titleRequired");
        }
        if (clean.length() > MAX_TITLE) {
            throw new DomainException("flow.titleTooLong", MAX_TITLE);
        }
        return clean;
    }

    /** The initiator changes the title and form while the instance is with them. */
    public void revise(Person by, String newTitle, FormValues newValues) {
        requireInitiator(by);
        requireWithInitiator();
        this.title = checkedTitle(newTitle);
        setValues(newValues);
    }

    /** Numbers are kept in the one notation the engine reads, so what is stored, shown and summed is the same (S3). */
    private void setValues(FormValues newValues) {
        this.values = design.getForm().schema().normalised(newValues);
        this.valuesJson = values.canonicalJson();
    }

    /**
     * Submits (or resubmits, after a return or a withdrawal). The path is worked out from the form as it is now; the
     * initiator must choose handlers where the design leaves the choice to them ({@code choices}: node id → logins).
     * A resubmission after a return from a node whose design says so comes straight back to that node (A3).
     */
    public void submit(Person by, Map<String, List<String>> chosen, FlowContext context) {
        requireInitiator(by);
        requireWithInitiator();
        List<NodeSpec> newPath = design.definition().path(design.getForm().schema(), values());
        Map<String, List<String>> kept = new LinkedHashMap<>();
        for (NodeSpec node : newPath) {
            if (!node.kind().decides()) {
                continue;
            }
            List<Person> candidates = context.staffing().candidates(node, initiator, values());
            if (DryRunStep.choosesAmong(node, candidates)) {
                List<String> picked = chosen.getOrDefault(node.id(), List.of());
                List<String> logins = candidates.stream().map(Person::getLogin).toList();
                if (picked.isEmpty() || !logins.containsAll(picked)
                        || (node.kind() == NodeKind.APPROVE && picked.size() != 1)) {
                    throw new DomainException("flow.handlerNotChosen", node.name());
                }
                kept.put(node.id(), List.copyOf(picked));
            } else if (candidates.isEmpty()) {
                throw new DomainException("flow.noHandler", node.name());
            }
        }
        boolean again = submittedAt != null;
        int start = 0;
        if (status == InstanceStatus.RETURNED && returnedFrom != null) {
            int back = indexOf(newPath, returnedFrom);
            start = Math.max(back, 0);
        }
        this.path = newPath.stream().map(NodeSpec::id).collect(Collectors.joining(","));
        this.choices = kept.entrySet().stream().map(e -> e.getKey() + ":" + String.join(",", e.getValue()))
                .collect(Collectors.joining(";"));
        this.status = InstanceStatus.RUNNING;
        this.submittedAt = context.now();
        this.returnedFrom = null;
        this.returnReason = null;
        this.handlerActs = 0;
        this.urgedAt = null;
        record(again ? ActionKind.RESUBMIT : ActionKind.SUBMIT, initiator, null, null, null, null, context.now());
        enter(start, context, NoticeKind.TODO, null);
    }

    /** Approves a to-do, with the fields the node lets its handler edit taken from {@code edits} (may be null). */
    public void approve(FlowTask task, Person actor, String opinion, FormValues edits, FlowContext context) {
        requireOwnOpenTask(task, actor);
        NodeSpec node = node(task.getStep());
        if (edits != null && !node.editable().isEmpty()) {
            setValues(values().withFields(edits, node.editable()));
        }
        task.close(TaskStatus.DONE, Decision.APPROVED, clean(opinion), context.now());
        handlerActs++;
        record(ActionKind.APPROVE, actor, task.getOnBehalfOf(), node.id(), clean(opinion), null, context.now());
        afterApproval(task, context);
    }

    private void afterApproval(FlowTask task, FlowContext context) {
        FlowTask waiting = task.getWaitingHandler();
        if (waiting != null && waiting.getStatus() == TaskStatus.WAITING && liveChildren(waiting).isEmpty()) {
            waiting.reopen(context.now(), due(node(waiting.getStep()), context));
            tell(waiting.getAssignee(), NoticeKind.TODO, null, waiting, context.now());
        }
        if (node(task.getStep()).kind() == NodeKind.ANY_ONE && !task.isAdded()) {
            for (FlowTask other : roundTasks()) {
                if (other != task && !other.isAdded() && other.getStatus().live()) {
                    cancelWithChildren(other, context.now());
                }
            }
        }
        if (roundTasks().stream().noneMatch(t -> t.getStatus().live())) {
            enter(following(step), context, NoticeKind.TODO, null);
        }
    }

    /** Rejects the instance: it ends here (a reason is required). */
    public void reject(FlowTask task, Person actor, String reason, FlowContext context) {
        requireOwnOpenTask(task, actor);
        String why = required(reason);
        task.close(TaskStatus.DONE, Decision.REJECTED, why, context.now());
        handlerActs++;
        cancelLive(context.now());
        status = InstanceStatus.REJECTED;
        finishedAt = context.now();
        record(ActionKind.REJECT, actor, task.getOnBehalfOf(), task.getNodeId(), why, null, context.now());
        tell(initiator, NoticeKind.REJECTED, why, null, context.now());
    }

    /**
     * Returns the instance with a reason (A3): to the initiator ({@code targetNode} null), or to an earlier deciding
     * node on the path. The whole current round closes, so that inside a countersign or any-one node the members'
     * approvals of this round no longer count.
     */
    public void returnTo(FlowTask task, Person actor, String reason, String targetNode, FlowContext context) {
        requireOwnOpenTask(task, actor);
        String why = required(reason);
        int target = -1;
        if (targetNode != null) {
            target = indexOf(path(), targetNode);
            if (target < 0 || target >= task.getStep() || !node(target).kind().decides()) {
                throw new DomainException("flow.badReturnTarget");
            }
        }
        NodeSpec from = node(task.getStep());
        task.close(TaskStatus.DONE, Decision.RETURNED, why, context.now());
        handlerActs++;
        for (FlowTask other : roundTasks()) {
            if (other.getStatus().live()) {
                other.close(TaskStatus.CANCELLED, null, null, context.now());
            }
        }
        returnedFrom = from.onResubmit() == ResubmitPolicy.BACK_TO_RETURNER ? from.id() : null;
        record(ActionKind.RETURN, actor, task.getOnBehalfOf(), from.id(), why,
                targetNode == null ? "initiator" : targetNode, context.now());
        if (targetNode == null) {
            status = InstanceStatus.RETURNED;
            returnReason = why;
            tell(initiator, NoticeKind.RETURNED, why, null, context.now());
        } else {
            enter(target, context, NoticeKind.RETURNED, why);
        }
    }

    /** The initiator withdraws (撤回) the instance while no handler has acted since they submitted it. */
    /** The initiator takes the flow back before any handler has acted (A3), with a note for the trail if they give one. */
    public void withdraw(Person by, String note, FlowContext context) {
        requireInitiator(by);
        requireRunning();
        if (handlerActs > 0) {
            throw new DomainException("flow.alreadyActed");
        }
        cancelLive(context.now());
        status = InstanceStatus.WITHDRAWN;
        returnedFrom = null;
        record(ActionKind.WITHDRAW, by, null, currentNodeId().orElse(null), clean(note), null, context.now());
    }

    /** Hands the to-do to another person (转办); the deadline stays. */
    public void transfer(FlowTask task, Person actor, Assignee to, String opinion, FlowContext context) {
        requireOwnOpenTask(task, actor);
        requireNewHandler(actor, to);
        handOver(task, to, clean(opinion), context.now());
        handlerActs++;
        record(ActionKind.TRANSFER, actor, task.getOnBehalfOf(), task.getNodeId(), clean(opinion),
                to.person().getLogin(), context.now());
    }

    /**
     * Hands an open to-do of a deactivated handler to someone else (O2.6): done by the system administrator, who is
     * recorded as the actor with the reason; the to-do keeps its node, round, place and due time, as with a transfer.
     */
    public void reassign(FlowTask task, Person administrator, Assignee to, String reason, FlowContext context) {
        String why = required(reason);
        requireOpenTask(task);
        requireNewHandler(task.getAssignee(), to);
        handOver(task, to, why, context.now());
        record(ActionKind.REASSIGN, administrator, null, task.getNodeId(), why,
                task.getAssignee().getLogin() + "->" + to.person().getLogin(), context.now());
    }

    /** Closes the to-do as transferred and opens the same one (node, round, place, due time) for {@code to}. */
    private void handOver(FlowTask task, Assignee to, String note, Instant now) {
        FlowTask handed = new FlowTask(this, task.getStep(), task.getRound(), task.getNodeId(), TaskKind.APPROVAL, to,
                now, task.getDueAt());
        if (task.isAdded()) {
            handed.markAdded();
        }
        if (task.getWaitingHandler() != null) {
            handed.addedBefore(task.getWaitingHandler());
        }
        task.close(TaskStatus.TRANSFERRED, null, note, now);
        tasks.add(handed);
        tell(to.person(), NoticeKind.TODO, note, handed, now);
    }

    /** Adds approvers (加签) before, after or alongside the handler. */
    public void addApprovers(FlowTask task, Person actor, List<Assignee> people, Placement placement, String opinion,
                             FlowContext context) {
        requireOwnOpenTask(task, actor);
        if (people.isEmpty()) {
            throw new DomainException("flow.nobodyAdded");
        }
        for (Assignee added : people) {
            requireNewHandler(actor, added);
        }
        if (people.stream().map(a -> a.person().getLogin()).distinct().count() != people.size()) {
            throw new DomainException("flow.alreadyHandler", people.get(0).person().getFullName());
        }
        NodeSpec node = node(task.getStep());
        Instant due = due(node, context);
        handlerActs++;
        record(ActionKind.ADD_APPROVERS, actor, task.getOnBehalfOf(), node.id(), clean(opinion),
                placement.name() + ":" + people.stream().map(a -> a.person().getLogin())
                        .collect(Collectors.joining(",")), context.now());
        for (Assignee added : people) {
            FlowTask extra = new FlowTask(this, task.getStep(), task.getRound(), node.id(), TaskKind.APPROVAL, added,
                    context.now(), due);
            if (placement == Placement.BEFORE) {
                extra.addedBefore(task);
            } else {
                extra.markAdded();
            }
            tasks.add(extra);
            tell(added.person(), NoticeKind.TODO, clean(opinion), extra, context.now());
        }
        switch (placement) {
            case BEFORE -> task.waitFor();
            case AFTER -> {
                task.close(TaskStatus.DONE, Decision.APPROVED, clean(opinion), context.now());
                record(ActionKind.APPROVE, actor, task.getOnBehalfOf(), node.id(), clean(opinion), null,
                        context.now());
                afterApproval(task, context);
            }
            case ALONGSIDE -> {
                // the handler's to-do stays open beside the added ones
            }
        }
    }

    /** Marks a copy (抄送) read: the read receipt. */
    public void read(FlowTask copy, Person reader, FlowContext context) {
        if (copy.getInstance() != this || copy.getKind() != TaskKind.COPY || !same(copy.getAssignee(), reader)) {
            throw new DomainException("flow.notYourTask");
        }
        if (copy.getStatus() != TaskStatus.OPEN) {
            return;
        }
        copy.close(TaskStatus.DONE, Decision.READ, null, context.now());
        record(ActionKind.READ, reader, null, copy.getNodeId(), null, null, context.now());
    }

    /**
     * Urges (催办) the current handlers: by the initiator, at most once an hour, or by a supervisor (督办) at any time.
     *
     * @return the to-dos whose handlers are to be told
     */
    public List<FlowTask> urge(Person by, boolean asSupervisor, String note, FlowContext context) {
        requireRunning();
        String text = clean(note);
        if (text != null && text.length() > MAX_NOTE) {
            throw new DomainException("flow.noteTooLong", MAX_NOTE);
        }
        if (!asSupervisor) {
            requireInitiator(by);
            if (!urgeIntervalPassed(context.now())) {
                throw new DomainException("flow.urgedRecently");
            }
            urgedAt = context.now();
        }
        record(ActionKind.URGE, by, null, currentNodeId().orElse(null), text,
                asSupervisor ? "supervisor" : "initiator", context.now());
        List<FlowTask> urged = liveTasks();
        for (FlowTask task : urged) {
            tell(task.getAssignee(), NoticeKind.URGE, text, null, context.now());
        }
        return urged;
    }

    /** A supervisor's comment (督办意见), recorded in the trail. */
    public void comment(Person supervisor, String text, FlowContext context) {
        record(ActionKind.COMMENT, supervisor, null, currentNodeId().orElse(null), required(text), null,
                context.now());
    }

    /** An overdue to-do was escalated to {@code leader} (B2). */
    public void escalate(FlowTask task, Person leader, FlowContext context) {
        if (task.getInstance() != this) {
            throw new DomainException("flow.notYourTask");
        }
        task.escalated(context.now());
        record(ActionKind.ESCALATE, null, null, task.getNodeId(), null,
                task.getAssignee().getLogin() + "->" + leader.getLogin(), context.now());
        told.add(new Told(new Notice(leader, NoticeKind.ESCALATION, null, List.of(task.getAssignee().getFullName()),
                context.now()), null));
    }

    /** An open to-do is overdue: its handler is reminded, once (B2). */
    public void remind(FlowTask task, Instant now) {
        if (task.getInstance() != this) {
            throw new DomainException("flow.notYourTask");
        }
        if (task.getRemindedAt() == null) {
            task.reminded(now);
            tell(task.getAssignee(), NoticeKind.REMINDER, null, task, now);
        }
    }

    // ---- entering nodes

    /**
     * Enters the node at {@code index} and the ones after it that do not wait; the handlers of the node where the
     * flow stops are told {@code arrival} with {@code note}, the readers of copies on the way {@link NoticeKind#COPY}.
     */
    private void enter(int index, FlowContext context, NoticeKind arrival, String note) {
        int s = index;
        while (s < path().size()) {
            NodeSpec node = node(s);
            step = s;
            round++;
            List<Assignee> who = assignees(node, context);
            if (!node.kind().decides()) {
                for (Assignee reader : who) {
                    FlowTask copy = new FlowTask(this, s, round, node.id(), TaskKind.COPY, reader, context.now(), null);
                    tasks.add(copy);
                    tell(reader.person(), NoticeKind.COPY, null, copy, context.now());
                }
                s = following(s);
                continue;
            }
            if (who.isEmpty()) {
                throw new DomainException("flow.noHandler", node.name());
            }
            Instant due = due(node, context);
            for (Assignee handler : who) {
                FlowTask todo = new FlowTask(this, s, round, node.id(), TaskKind.APPROVAL, handler, context.now(), due);
                tasks.add(todo);
                tell(handler.person(), arrival, note, todo, context.now());
            }
            if (design.definition().skipRepeatedApprover()) {
                skipRepeated(node, context);
            }
            if (roundTasks().stream().anyMatch(t -> t.getStatus().live())) {
                return;
            }
            s = following(s);
        }
        step = path().size();
        status = InstanceStatus.APPROVED;
        finishedAt = context.now();
        record(ActionKind.COMPLETE, null, null, null, null, null, context.now());
        tell(initiator, NoticeKind.APPROVED, null, null, context.now());
    }

    private void tell(Person person, NoticeKind kind, String note, FlowTask task, Instant at) {
        told.add(new Told(new Notice(person, kind, note, List.of(), at), task));
    }

    /** The next node after {@code s}: straight back to the node that returned, if its design says so. */
    private int following(int s) {
        if (returnedFrom != null) {
            int back = indexOf(path(), returnedFrom);
            returnedFrom = null;
            if (back > s) {
                return back;
            }
        }
        return s + 1;
    }

    private void skipRepeated(NodeSpec node, FlowContext context) {
        for (FlowTask task : roundTasks()) {
            Person handler = task.getOnBehalfOf() != null ? task.getOnBehalfOf() : task.getAssignee();
            if (task.getStatus() == TaskStatus.OPEN && approvedBefore(handler)) {
                task.close(TaskStatus.DONE, Decision.SKIPPED, null, context.now());
                record(ActionKind.SKIP, task.getAssignee(), task.getOnBehalfOf(), node.id(), null, null,
                        context.now());
                if (node.kind() == NodeKind.ANY_ONE) {
                    roundTasks().stream().filter(t -> t.getStatus().live())
                            .forEach(t -> t.close(TaskStatus.CANCELLED, null, null, context.now()));
                    return;
                }
            }
        }
    }

    private boolean approvedBefore(Person handler) {
        return tasks.stream().anyMatch(t -> t.getStep() < step && t.getDecision() == Decision.APPROVED
                && !t.getActedAt().isBefore(submittedAt)
                && (same(t.getAssignee(), handler) || same(t.getOnBehalfOf(), handler)));
    }

    private List<Assignee> assignees(NodeSpec node, FlowContext context) {
        List<Person> people = context.staffing().candidates(node, initiator, values());
        List<String> picked = chosenFor(node.id());
        if (!picked.isEmpty()) {
            people = people.stream().filter(p -> picked.contains(p.getLogin())).toList();
        }
        Map<String, Assignee> unique = new LinkedHashMap<>();
        for (Person person : people) {
            Optional<Person> deputy = context.staffing().deputy(person, design, context.now());
            Assignee assignee = deputy.filter(d -> !same(d, person)).map(d -> new Assignee(d, person))
                    .orElse(Assignee.of(person));
            unique.putIfAbsent(assignee.person().getLogin(), assignee);
        }
        return List.copyOf(unique.values());
    }

    private Instant due(NodeSpec node, FlowContext context) {
        return context.deadlines().due(context.now(), node.deadlineDays());
    }

    // ---- checks and helpers

    private void requireInitiator(Person by) {
        if (!same(initiator, by)) {
            throw new DomainException("flow.notInitiator");
        }
    }

    private void requireWithInitiator() {
        if (!status.withInitiator()) {
            throw new DomainException("flow.notWithInitiator");
        }
    }

    private void requireRunning() {
        if (status != InstanceStatus.RUNNING) {
            throw new DomainException("flow.notRunning");
        }
    }

    private void requireOwnOpenTask(FlowTask task, Person actor) {
        if (!same(task.getAssignee(), actor)) {
            throw new DomainException("flow.notYourTask");
        }
        requireOpenTask(task);
    }

    private void requireOpenTask(FlowTask task) {
        if (task.getInstance() != this || task.getKind() != TaskKind.APPROVAL) {
            throw new DomainException("flow.notYourTask");
        }
        if (status != InstanceStatus.RUNNING || task.getStatus() != TaskStatus.OPEN) {
            throw new DomainException("flow.taskClosed");
        }
    }

    /** {@code to} is neither {@code current} (who hands over) nor already a live handler of this round. */
    private void requireNewHandler(Person current, Assignee to) {
        if (same(to.person(), current)) {
            throw new DomainException("flow.notYourself");
        }
        if (roundTasks().stream().anyMatch(t -> t.getStatus().live() && same(t.getAssignee(), to.person()))) {
            throw new DomainException("flow.alreadyHandler", to.person().getFullName());
        }
    }

    private static String required(String reason) {
        String text = clean(reason);
        if (text == null) {
            throw new DomainException("flow.reasonRequired");
        }
        return text;
    }

    private static String clean(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String stripped = text.strip();
        if (stripped.length() > MAX_OPINION) {
            throw new DomainException("flow.opinionTooLong", MAX_OPINION);
        }
        return stripped;
    }

    private static boolean same(Person a, Person b) {
        return a != null && b != null && a.getLogin().equals(b.getLogin());
    }

    private void cancelLive(Instant at) {
        for (FlowTask task : tasks) {
            if (task.getKind() == TaskKind.APPROVAL && task.getStatus().live()) {
                task.close(TaskStatus.CANCELLED, null, null, at);
            }
        }
    }

    private void cancelWithChildren(FlowTask task, Instant at) {
        task.close(TaskStatus.CANCELLED, null, null, at);
        for (FlowTask child : liveChildren(task)) {
            cancelWithChildren(child, at);
        }
    }

    private List<FlowTask> liveChildren(FlowTask handler) {
        return tasks.stream().filter(t -> t.getWaitingHandler() == handler && t.getStatus().live()).toList();
    }

    private List<FlowTask> roundTasks() {
        return tasks.stream().filter(t -> t.inCurrentRound(this)).toList();
    }

    private static int indexOf(List<NodeSpec> nodes, String id) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }

    /** Appends an action; a null actor is the system itself (completion, escalation). */
    private void record(ActionKind kind, Person actor, Person onBehalfOf, String nodeId, String opinion,
                        String detail, Instant at) {
        FlowAction action = new FlowAction(actionSeq + 1, lastHash, uid, kind,
                actor == null ? FlowAction.SYSTEM : actor.getLogin(), actor == null ? FlowAction.SYSTEM_NAME : actor.getFullName(),
                onBehalfOf == null ? null : onBehalfOf.getLogin(), nodeId, opinion, detail, at, values().sha256());
        actionSeq = action.getSeq();
        lastHash = action.getHash();
        appended.add(action);
    }

    /** The handlers the initiator chose at the last submission, by node (kept for their next submission, A3). */
    public Map<String, List<String>> chosenHandlers() {
        Map<String, List<String>> chosen = new LinkedHashMap<>();
        for (NodeSpec node : design.definition().nodes()) {
            List<String> picked = chosenFor(node.id());
            if (!picked.isEmpty()) {
                chosen.put(node.id(), picked);
            }
        }
        return chosen;
    }

    private List<String> chosenFor(String nodeId) {
        if (choices == null || choices.isEmpty()) {
            return List.of();
        }
        return Arrays.stream(choices.split(";")).filter(c -> c.startsWith(nodeId + ":"))
                .flatMap(c -> Arrays.stream(c.substring(nodeId.length() + 1).split(","))).toList();
    }

    // ---- reading

    /** The actions appended since the instance was loaded; the service signs and stores them, then clears them. */
    public List<FlowAction> takeAppended() {
        List<FlowAction> taken = List.copyOf(appended);
        appended.clear();
        return taken;
    }

    /**
     * Who is to be told what since the instance was loaded (A2, B2), once for each person and kind; a to-do that
     * closed again in the same transaction (a repeated approver skipped) tells nobody. The service stores them with
     * the actions ({@link Notice#about}), then they are cleared.
     */
    public List<Notice> takeNotices() {
        Map<String, Notice> byPersonAndKind = new LinkedHashMap<>();
        for (Told t : told) {
            if (t.task() == null || t.task().getStatus() == TaskStatus.OPEN) {
                byPersonAndKind.putIfAbsent(t.notice().person().getLogin() + ":" + t.notice().kind(), t.notice());
            }
        }
        told.clear();
        return List.copyOf(byPersonAndKind.values());
    }

    public FormValues values() {
        if (values == null) {
            values = FormValues.fromJson(valuesJson);
        }
        return values;
    }

    /** The nodes of the current path (empty before the first submission); worked out once per path. */
    public List<NodeSpec> path() {
        if (path == null || path.isEmpty()) {
            return List.of();
        }
        if (pathNodes == null || !path.equals(pathNodesOf)) {
            pathNodes = Arrays.stream(path.split(",")).map(id -> design.definition().node(id)
                    .orElseThrow(() -> new IllegalStateException("node " + id + " is not in design " + design.getId())))
                    .toList();
            pathNodesOf = path;
        }
        return pathNodes;
    }

    private NodeSpec node(int index) {
        return path().get(index);
    }

    public Optional<NodeSpec> currentNode() {
        return status == InstanceStatus.RUNNING && step < path().size() ? Optional.of(node(step)) : Optional.empty();
    }

    private Optional<String> currentNodeId() {
        return currentNode().map(NodeSpec::id);
    }

    /** The deciding nodes before the current one: where a handler may return the flow to. */
    public List<NodeSpec> returnTargets() {
        List<NodeSpec> nodes = path();
        return status != InstanceStatus.RUNNING ? List.of()
                : nodes.subList(0, Math.min(step, nodes.size())).stream().filter(n -> n.kind().decides()).toList();
    }

    /** Open and waiting to-dos. */
    public List<FlowTask> liveTasks() {
        return tasks.stream().filter(t -> t.getKind() == TaskKind.APPROVAL && t.getStatus().live()).toList();
    }

    public Optional<FlowTask> openTaskOf(Person person) {
        return tasks.stream().filter(t -> t.getKind() == TaskKind.APPROVAL && t.getStatus() == TaskStatus.OPEN
                && same(t.getAssignee(), person)).findFirst();
    }

    public Optional<FlowTask> task(long taskId) {
        return tasks.stream().filter(t -> Objects.equals(t.getId(), taskId)).findFirst();
    }

    /** Whether the initiator may urge (催办) now: while it runs, once per {@link #URGE_INTERVAL}. */
    public boolean mayUrge(Instant now) {
        return status == InstanceStatus.RUNNING && urgeIntervalPassed(now);
    }

    private boolean urgeIntervalPassed(Instant now) {
        return urgedAt == null || !urgedAt.plus(URGE_INTERVAL).isAfter(now);
    }

    /**
     * What {@code viewer} may see of this instance and do with it now (S3, O1.3): the one place that decides it for
     * pages, downloads and the approval sheet. {@code supervisor}: whether the viewer holds the supervisor's role
     * (O1.5), which the caller knows from the directory. Whether the viewer may see the instance at all is the
     * service's to check first.
     */
    public InstanceSight sightFor(Person viewer, boolean supervisor, Instant now) {
        return new InstanceSight(this, viewer, supervisor, now);
    }

    public boolean isInitiator(Person person) {
        return same(initiator, person);
    }

    /** The person's unread copy (抄送) of this instance. */
    public Optional<FlowTask> openCopyOf(Person person) {
        return tasks.stream().filter(t -> t.getKind() == TaskKind.COPY && t.getStatus() == TaskStatus.OPEN
                && same(t.getAssignee(), person)).findFirst();
    }

    /** Whether the initiator may still withdraw it. */
    public boolean withdrawable() {
        return status == InstanceStatus.RUNNING && handlerActs == 0;
    }

    /** Whether the person takes or took part: initiator, handler (or the one a deputy acted for), or reader. */
    public boolean involves(Person person) {
        return same(initiator, person) || tasks.stream()
                .anyMatch(t -> same(t.getAssignee(), person) || same(t.getOnBehalfOf(), person));
    }

    /** The form as a person may see it: without the fields {@link #hiddenFrom hidden from} them. */
    public FormValues valuesFor(Person person) {
        return values().without(hiddenFrom(person));
    }

    /** The files the attachment fields a person may see name. */
    public List<String> attachmentsFor(Person person) {
        return design.getForm().schema().attachments(valuesFor(person));
    }

    /**
     * The fields hidden from a person (O1.3: per node, what its handlers and readers may not see): those hidden by any
     * node they handle, handled or read a copy of (抄送), for themselves or for someone they stand in for. The initiator
     * sees the whole form.
     */
    public Set<String> hiddenFrom(Person person) {
        if (same(initiator, person)) {
            return Set.of();
        }
        Set<String> hidden = new HashSet<>();
        for (FlowTask task : tasks) {
            if (same(task.getAssignee(), person) || same(task.getOnBehalfOf(), person)) {
                design.definition().node(task.getNodeId()).ifPresent(node -> hidden.addAll(node.hidden()));
            }
        }
        return hidden;
    }

    public List<FlowTask> getTasks() {
        return List.copyOf(tasks);
    }

    public Long getId() {
        return id;
    }

    public String getUid() {
        return uid;
    }

    public FlowDesign getDesign() {
        return design;
    }

    public Person getInitiator() {
        return initiator;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getTitle() {
        return title;
    }

    public InstanceStatus getStatus() {
        return status;
    }

    public int getStep() {
        return step;
    }

    public int getRound() {
        return round;
    }

    public String getReturnReason() {
        return returnReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getSubmittedAt() {
        return submittedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public int getActionCount() {
        return actionSeq;
    }

    public String getLastHash() {
        return lastHash;
    }

    @Override
    public String toString() {
        return "instance " + uid + " " + status + " at " + step;
    }
}
