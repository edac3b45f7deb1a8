package cn.edu.xietong.web.flow;

import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.FlowService;
import cn.edu.xietong.flow.Supervision;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.flow.instance.Placement;
import cn.edu.xietong.flow.instance.TaskKind;
import cn.edu.xietong.flow.instance.TaskStatus;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Backs flow/instance.xhtml: one instance with its diagram (where it is, who acted), its form (without the fields
 * hidden from the viewer's node), the viewer's actions — approve, return, reject, transfer, add approvers for a
 * handler; withdraw, urge, revise for the initiator; mark read for a copy — and its signed trail with verification
 * and downloads (B3).
 */
@Named
@ViewScoped
public class InstanceView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowService flows;

    @EJB
    private DirectoryService directory;

    @EJB
    private Supervision supervision;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private Long id;
    private transient FlowInstance instance;
    private transient Person me;
    private String opinion;
    private String returnTarget = "";
    private String transferTo;
    private String addLogins;
    private Placement placement = Placement.BEFORE;
    private FormModel edits;
    private transient TrailCheck check;
    private transient FormValues values;
    private transient List<FlowAction> trail;
    private transient Map<String, FileInfo> files;

    public void load() {
        instance = null;
        getInstance();
        edits = FormModel.of(instance.getDesign().getForm().schema(), instance.values());
        edits.know(files().values());
    }

    private Map<String, FileInfo> files() {
        if (files == null) {
            files = new HashMap<>();
            flows.attachments(id).forEach(file -> files.put(file.uid(), file));
        }
        return files;
    }

    /** The files an attachment field names, as far as the viewer may see them. */
    public List<FileInfo> filesOf(String field) {
        return getValues().texts(field).stream().map(files()::get).filter(Objects::nonNull).toList();
    }

    public FlowInstance getInstance() {
        if (instance == null) {
            instance = flows.instance(id);
        }
        return instance;
    }

    private Person me() {
        if (me == null) {
            me = directory.me();
        }
        return me;
    }

    /** The viewer's open to-do in this instance, if any. */
    public FlowTask getMyTask() {
        return getInstance().openTaskOf(me()).orElse(null);
    }

    public FlowTask getMyCopy() {
        return getInstance().getTasks().stream().filter(t -> t.getKind() == TaskKind.COPY
                && t.getStatus() == TaskStatus.OPEN && t.getAssignee().getLogin().equals(me().getLogin()))
                .findFirst().orElse(null);
    }

    private Optional<NodeSpec> myNode() {
        FlowTask task = getMyTask();
        return task == null ? Optional.empty() : getInstance().getDesign().definition().node(task.getNodeId());
    }

    /** The form's fields the viewer may see (the service leaves the others' values out). */
    public List<FieldSpec> getVisibleFields() {
        Set<String> hidden = getInstance().hiddenFrom(me());
        return getInstance().getDesign().getForm().schema().fields().stream()
                .filter(f -> !hidden.contains(f.key())).toList();
    }

    /** The values the viewer may see, as the service gives them. */
    public FormValues getValues() {
        if (values == null) {
            values = flows.visibleValues(id);
        }
        return values;
    }

    /** The fields the viewer's node lets them edit. */
    public List<FieldSpec> getEditableFields() {
        Set<String> editable = myNode().map(NodeSpec::editable).orElse(Set.of());
        return getInstance().getDesign().getForm().schema().fields().stream()
                .filter(f -> editable.contains(f.key())).toList();
    }

    public boolean isInitiator() {
        return getInstance().getInitiator().getLogin().equals(me().getLogin());
    }

    public boolean isRevisable() {
        return isInitiator() && getInstance().getStatus().withInitiator();
    }

    /** Whether the viewer has anything to do here (the action panel shows only then). */
    public boolean isCanAct() {
        return getMyTask() != null || getMyCopy() != null || isRevisable() || getInstance().withdrawable() && isInitiator()
                || isUrgeable() || isSupervising();
    }

    /** A supervisor on a core flow may comment and urge (O1.5). */
    public boolean isSupervising() {
        return me().hasRole(Role.SUPERVISOR) && getInstance().getDesign().isCore();
    }

    public void comment() {
        act(() -> supervision.comment(id, opinion), "flow.commented");
    }

    public void superviseUrge() {
        act(() -> supervision.urge(id, opinion), "flow.urged");
    }

    public boolean isUrgeable() {
        return isInitiator() && getInstance().getStatus() == InstanceStatus.RUNNING;
    }

    /** The design's nodes with where the flow is and who acted. */
    public List<NodeView> getDiagram() {
        FlowInstance i = getInstance();
        List<NodeSpec> path = i.path();
        List<NodeView> nodes = new ArrayList<>();
        for (NodeSpec node : i.getDesign().definition().nodes()) {
            int at = path.indexOf(node);
            String state;
            if (at < 0) {
                state = "off";
            } else if (i.getStatus() == InstanceStatus.RUNNING && at == i.getStep()) {
                state = "current";
            } else if (at < i.getStep() || i.getStatus() == InstanceStatus.APPROVED) {
                state = "done";
            } else {
                state = "ahead";
            }
            nodes.add(new NodeView(node, state, i.getTasks().stream()
                    .filter(t -> t.getNodeId().equals(node.id())).toList()));
        }
        return nodes;
    }

    public List<FlowAction> getTrail() {
        if (trail == null) {
            trail = flows.trail(id);
        }
        return trail;
    }

    public TrailCheck getCheck() {
        if (check == null) {
            check = flows.verify(id);
        }
        return check;
    }

    public String nodeName(String nodeId) {
        return nodeId == null ? "" : getInstance().getDesign().definition().node(nodeId)
                .map(n -> n.name(language.getLocale())).orElse(nodeId);
    }

    // ---- actions

    public void approve() {
        act(() -> flows.approve(getMyTask().getId(), opinion,
                getEditableFields().isEmpty() ? null : edits.toValues(getInstance().getDesign().getForm().schema())),
                "flow.approved");
    }

    public void reject() {
        act(() -> flows.reject(getMyTask().getId(), opinion), "flow.rejected");
    }

    public void returnTo() {
        act(() -> flows.returnTo(getMyTask().getId(), opinion, returnTarget == null || returnTarget.isBlank()
                ? null : returnTarget), "flow.returned");
    }

    public void transfer() {
        act(() -> flows.transfer(getMyTask().getId(), transferTo, opinion), "flow.transferred");
    }

    public void addApprovers() {
        List<String> logins = addLogins == null ? List.of() : Arrays.stream(addLogins.split("[,，;；\\s]+"))
                .filter(s -> !s.isBlank()).toList();
        act(() -> flows.addApprovers(getMyTask().getId(), logins, placement, opinion), "flow.approversAdded");
    }

    public void read() {
        act(() -> flows.read(getMyCopy().getId()), "flow.readDone");
    }

    public void withdraw() {
        act(() -> flows.withdraw(id), "flow.withdrawn");
    }

    public void urge() {
        act(() -> flows.urge(id, opinion), "flow.urged");
    }

    private void act(Runnable action, String doneKey) {
        try {
            if (messages.attempt(action, doneKey)) {
                opinion = null;
            }
        } catch (FormInvalidException invalid) {
            invalid.fieldProblems().forEach(p -> messages.error(p.messageKey(), p.arguments().toArray()));
        }
        instance = null;
        check = null;
        values = null;
        files = null;
        trail = null;
    }

    public StreamedContent getTrailExport() {
        return download(flows.exportTrail(id), "trail-" + getInstance().getUid() + ".txt");
    }

    public StreamedContent getTrailKey() {
        return download(flows.trailKey(), "xietong-trail-key.pem");
    }

    private static StreamedContent download(String text, String name) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return DefaultStreamedContent.builder().name(name).contentType("text/plain; charset=UTF-8")
                .contentLength((long) bytes.length).stream(() -> new ByteArrayInputStream(bytes)).build();
    }

    public List<Placement> getPlacements() {
        return List.of(Placement.values());
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getOpinion() {
        return opinion;
    }

    public void setOpinion(String opinion) {
        this.opinion = opinion;
    }

    public String getReturnTarget() {
        return returnTarget;
    }

    public void setReturnTarget(String returnTarget) {
        this.returnTarget = returnTarget;
    }

    public String getTransferTo() {
        return transferTo;
    }

    public void setTransferTo(String transferTo) {
        this.transferTo = transferTo;
    }

    public String getAddLogins() {
        return addLogins;
    }

    public void setAddLogins(String addLogins) {
        this.addLogins = addLogins;
    }

    public Placement getPlacement() {
        return placement;
    }

    public void setPlacement(Placement placement) {
        this.placement = placement;
    }

    public FormModel getEdits() {
        return edits;
    }
}
