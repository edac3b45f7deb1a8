package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.shared.Bilingual;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What one viewer may see of an instance and do with it (S3, O1.3, O1.5), decided in one place by
 * {@link FlowInstance#sightFor}: the form without the fields hidden from the nodes the viewer handles, handled or reads
 * a copy of, the files those fields name, the diagram, the trail, and the actions open to them now. It holds values,
 * names and ids only, never an entity, so a page can show no more than this.
 */
public final class InstanceSight {

    /** What a viewer may do with an instance. */
    public enum Action {
        /** Decide their open to-do: approve, return, reject, transfer, add approvers. */
        HANDLE,
        /** Mark their copy (抄送) read. */
        READ,
        /** Revise and submit again (the initiator, while it is with them). */
        REVISE,
        /** Withdraw (撤回, the initiator, while no handler has acted). */
        WITHDRAW,
        /** Urge (催办, the initiator, once per {@link FlowInstance#URGE_INTERVAL}). */
        URGE,
        /** Comment as a supervisor on a core flow (督办意见, O1.5). */
        COMMENT,
        /** Urge as a supervisor (督办) while the flow runs. */
        SUPERVISE_URGE
    }

    /** The instance as its header shows it. */
    public record Summary(Long id, String uid, String title, InstanceStatus status, Bilingual design,
                          int designVersion, Category category, boolean core, String initiatorLogin,
                          String initiatorName, Bilingual unit, Instant createdAt, Instant submittedAt,
                          Instant finishedAt, String returnReason) {
    }

    /** A to-do or copy as the diagram shows it. */
    public record TaskLine(String assigneeName, String onBehalfOfName, TaskKind kind, TaskStatus status,
                           Decision decision) {
    }

    /** One node of the design: {@code done}, {@code current}, {@code ahead} or {@code off} the path. */
    public record NodeLine(NodeSpec node, String state, List<TaskLine> tasks) {
    }

    private final Summary summary;
    private final String viewer;
    private final Set<Action> actions;
    private final Long taskId;
    private final Long copyId;
    private final List<FieldSpec> visibleFields;
    private final FormValues values;
    private final List<String> attachments;
    private final List<FieldSpec> editableFields;
    private final List<NodeSpec> returnTargets;
    private final List<NodeLine> diagram;
    private final List<NodeSpec> path;
    private final Map<String, FileInfo> files;
    private final List<FlowAction> trail;
    private final TrailCheck check;

    InstanceSight(FlowInstance instance, Person viewer, boolean supervisor, Instant now) {
        Set<String> hidden = instance.hiddenFrom(viewer);
        List<FieldSpec> fields = instance.getDesign().getForm().schema().fields();
        boolean initiator = instance.isInitiator(viewer);
        Optional<FlowTask> task = instance.openTaskOf(viewer);
        Optional<FlowTask> copy = instance.openCopyOf(viewer);
        Set<Action> open = EnumSet.noneOf(Action.class);
        task.ifPresent(t -> open.add(Action.HANDLE));
        copy.ifPresent(c -> open.add(Action.READ));
        if (initiator && instance.getStatus().withInitiator()) {
            open.add(Action.REVISE);
        }
        if (initiator && instance.withdrawable()) {
            open.add(Action.WITHDRAW);
        }
        if (initiator && instance.mayUrge(now)) {
            open.add(Action.URGE);
        }
        boolean supervising = supervisor && instance.getDesign().isCore();
        if (supervising && instance.getStatus() != InstanceStatus.DRAFT) {
            open.add(Action.COMMENT);
            if (instance.getStatus() == InstanceStatus.RUNNING) {
                open.add(Action.SUPERVISE_URGE);
            }
        }
        Set<String> editable = task.flatMap(t -> instance.getDesign().definition().node(t.getNodeId()))
                .map(NodeSpec::editable).orElse(Set.of());

        this.summary = new Summary(instance.getId(), instance.getUid(), instance.getTitle(), instance.getStatus(),
                new Bilingual(instance.getDesign().getNameZh(), instance.getDesign().getNameEn()),
                instance.getDesign().getVersion(), instance.getDesign().getCategory(), instance.getDesign().isCore(),
                instance.getInitiator().getLogin(), instance.getInitiator().getFullName(),
                new Bilingual(instance.getUnit().getNameZh(), instance.getUnit().getNameEn()),
                instance.getCreatedAt(), instance.getSubmittedAt(), instance.getFinishedAt(),
                instance.getReturnReason());
        this.viewer = viewer.getLogin();
        this.actions = Set.copyOf(open);
        this.taskId = task.map(FlowTask::getId).orElse(null);
        this.copyId = copy.map(FlowTask::getId).orElse(null);
        this.visibleFields = fields.stream().filter(f -> !hidden.contains(f.key())).toList();
        this.values = instance.values().without(hidden);
        this.attachments = instance.getDesign().getForm().schema().attachments(values);
        // a field the design both hides from a node and lets it edit stays hidden: hiding wins
        this.editableFields = fields.stream().filter(f -> editable.contains(f.key()) && !hidden.contains(f.key()))
                .toList();
        this.returnTargets = task.isPresent() ? instance.returnTargets() : List.of();
        this.diagram = diagram(instance);
        this.path = List.copyOf(instance.path());
        this.files = Map.of();
        this.trail = List.of();
        this.check = null;
    }

    private InstanceSight(InstanceSight sight, Map<String, FileInfo> files, List<FlowAction> trail, TrailCheck check) {
        this.summary = sight.summary;
        this.viewer = sight.viewer;
        this.actions = sight.actions;
        this.taskId = sight.taskId;
        this.copyId = sight.copyId;
        this.visibleFields = sight.visibleFields;
        this.values = sight.values;
        this.attachments = sight.attachments;
        this.editableFields = sight.editableFields;
        this.returnTargets = sight.returnTargets;
        this.diagram = sight.diagram;
        this.path = sight.path;
        this.files = Map.copyOf(files);
        this.trail = List.copyOf(trail);
        this.check = check;
    }

    private static List<NodeLine> diagram(FlowInstance instance) {
        List<NodeSpec> path = instance.path();
        List<NodeLine> nodes = new ArrayList<>();
        for (NodeSpec node : instance.getDesign().definition().nodes()) {
            int at = path.indexOf(node);
            String state;
            if (at < 0) {
                state = "off";
            } else if (instance.getStatus() == InstanceStatus.RUNNING && at == instance.getStep()) {
                state = "current";
            } else if (at < instance.getStep() || instance.getStatus() == InstanceStatus.APPROVED) {
                state = "done";
            } else {
                state = "ahead";
            }
            nodes.add(new NodeLine(node, state, instance.getTasks().stream()
                    .filter(t -> t.getNodeId().equals(node.id()))
                    .map(t -> new TaskLine(t.getAssignee().getFullName(),
                            t.getOnBehalfOf() == null ? null : t.getOnBehalfOf().getFullName(), t.getKind(),
                            t.getStatus(), t.getDecision()))
                    .toList()));
        }
        return List.copyOf(nodes);
    }

    /**
     * The same sight with the files its visible fields name and the instance's trail with its verification: the
     * service adds what it reads beside the instance, in the same transaction. Files that the visible fields do not
     * name are dropped here, whatever is offered.
     */
    public InstanceSight with(List<FileInfo> fileInfos, List<FlowAction> actions, TrailCheck verification) {
        Map<String, FileInfo> named = fileInfos.stream().filter(f -> attachments.contains(f.uid()))
                .collect(Collectors.toMap(FileInfo::uid, Function.identity(), (a, b) -> a));
        return new InstanceSight(this, named, actions, verification);
    }

    public boolean may(Action action) {
        return actions.contains(action);
    }

    /** Whether the panel of actions has anything to offer the viewer. */
    public boolean canAct() {
        return !actions.isEmpty();
    }

    public boolean isInitiator() {
        return summary.initiatorLogin().equals(viewer);
    }

    public Summary summary() {
        return summary;
    }

    /** The viewer's open to-do, whose id the handler's actions name. */
    public Optional<Long> taskId() {
        return Optional.ofNullable(taskId);
    }

    /** The viewer's unread copy. */
    public Optional<Long> copyId() {
        return Optional.ofNullable(copyId);
    }

    public List<FieldSpec> visibleFields() {
        return visibleFields;
    }

    /** The form without the fields hidden from the viewer. */
    public FormValues values() {
        return values;
    }

    /** The uids of the files the visible fields name. */
    public List<String> attachments() {
        return attachments;
    }

    /** The files a visible field names, as far as the service found them. */
    public List<FileInfo> filesOf(String field) {
        return values.texts(field).stream().map(files::get).filter(java.util.Objects::nonNull).toList();
    }

    public List<FileInfo> files() {
        return List.copyOf(files.values());
    }

    /** The fields the viewer's node lets them change as they approve. */
    public List<FieldSpec> editableFields() {
        return editableFields;
    }

    /** Earlier deciding nodes the viewer may return the flow to (only with an open to-do). */
    public List<NodeSpec> returnTargets() {
        return returnTargets;
    }

    public List<NodeLine> diagram() {
        return diagram;
    }

    /** The nodes the form takes the flow through, in order (empty before the first submission). */
    public List<NodeSpec> path() {
        return path;
    }

    public List<FlowAction> trail() {
        return trail;
    }

    public TrailCheck check() {
        return check;
    }

    /** The name of a node of the design (for the trail), or the id of one no longer in it. */
    public String nodeName(String nodeId, java.util.Locale locale) {
        if (nodeId == null) {
            return "";
        }
        return diagram.stream().map(NodeLine::node).filter(n -> n.id().equals(nodeId)).findFirst()
                .map(n -> n.name(locale)).orElse(nodeId);
    }
}
