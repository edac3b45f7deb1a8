package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.Supervision;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.instance.InstanceSight;
import cn.edu.xietong.flow.instance.Placement;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
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
import java.util.List;
import java.util.stream.Collectors;

/**
 * Backs flow/instance.xhtml: one instance as {@link InstanceSight} gives it to the viewer (S3, O1.3) — the diagram,
 * the form without the fields hidden from the viewer's nodes, the signed trail with its verification (B3) — and the
 * actions the sight opens to them: approve, return, reject, transfer, add approvers for a handler; withdraw, urge,
 * revise for the initiator; mark read for a copy; comment and urge for a supervisor. The page decides nothing itself.
 */
@Named
@ViewScoped
public class InstanceView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowCommands commands;

    @EJB
    private FlowRecords records;

    @EJB
    private Supervision supervision;

    @Inject
    private Messages messages;

    @Inject
    private FlowText flowText;

    @Inject
    private LanguageView language;

    private String idParam;
    private Long id;
    private transient InstanceSight sight;
    private String opinion;
    private String returnTarget = "";
    private String transferTo;
    private List<String> addLogins = new ArrayList<>();
    private Placement placement = Placement.BEFORE;
    private FormModel edits;

    public void load() {
        id = PageRequest.id("id", idParam);
        sight = null;
        edits = FormModel.of(editSchema(), getSight().values());
        edits.know(getSight().files());
    }

    /** What the viewer may see of the instance and do with it, as the service decides, read once per request. */
    public InstanceSight getSight() {
        if (sight == null) {
            sight = records.sight(id);
        }
        return sight;
    }

    private FormSchema editSchema() {
        return new FormSchema(getSight().editableFields());
    }

    /** Whether the viewer may do this now ({@link InstanceSight.Action}'s name). */
    public boolean may(String action) {
        return getSight().may(InstanceSight.Action.valueOf(action));
    }

    public String nodeName(String nodeId) {
        return getSight().nodeName(nodeId, language.getLocale());
    }

    /** Who acted, as the trail shows it: the system by its name in the page's language. */
    public String actor(FlowAction action) {
        return FlowAction.SYSTEM.equals(action.getActorLogin()) ? messages.text("flow.system") : action.getActorName();
    }

    /**
     * The signed detail of an action as a sentence in the page's language: where a return went, to whom a to-do was
     * transferred or reassigned, whom were added and where, who urged, whose overdue to-do was escalated to whom.
     */
    public String detail(FlowAction action) {
        String detail = action.getDetail();
        if (detail == null || detail.isEmpty()) {
            return "";
        }
        String[] fromTo = detail.split("->", 2);
        return switch (action.getKind()) {
            case RETURN -> "initiator".equals(detail) ? messages.text("flow.detail.returnToInitiator")
                    : messages.text("flow.detail.returnTo", nodeName(detail));
            case TRANSFER -> messages.text("flow.detail.transferTo", flowText.personName(detail));
            case REASSIGN, ESCALATE -> fromTo.length < 2 ? detail : messages.text("flow.detail." + action.getKind(),
                    flowText.personName(fromTo[0]), flowText.personName(fromTo[1]));
            case ADD_APPROVERS -> added(detail);
            case URGE -> messages.text("supervisor".equals(detail) ? "flow.detail.urgedBySupervisor"
                    : "flow.detail.urgedByInitiator");
            default -> detail;
        };
    }

    private String added(String detail) {
        String[] parts = detail.split(":", 2);
        if (parts.length < 2 || Arrays.stream(Placement.values()).noneMatch(p -> p.name().equals(parts[0]))) {
            return detail;
        }
        return messages.text("flow.placement." + parts[0]) + ": " + Arrays.stream(parts[1].split(","))
                .map(flowText::personName).collect(Collectors.joining(language.isEnglish() ? ", " : "、"));
    }

    // ---- actions

    public void approve() {
        act(() -> commands.approve(task(), opinion,
                getSight().editableFields().isEmpty() ? null : edits.toValues(editSchema())), "flow.approved");
    }

    public void reject() {
        act(() -> commands.reject(task(), opinion), "flow.rejected");
    }

    public void returnTo() {
        act(() -> commands.returnTo(task(), opinion, returnTarget == null || returnTarget.isBlank()
                ? null : returnTarget), "flow.returned");
    }

    public void transfer() {
        act(() -> commands.transfer(task(), transferTo, opinion), "flow.transferred");
    }

    public void addApprovers() {
        List<String> logins = addLogins == null ? List.of() : List.copyOf(addLogins);
        act(() -> commands.addApprovers(task(), logins, placement, opinion), "flow.approversAdded");
    }

    public void read() {
        act(() -> commands.read(getSight().copyId().orElseThrow(() -> new DomainException("flow.notYourTask"))),
                "flow.readDone");
    }

    public void comment() {
        act(() -> supervision.comment(id, opinion), "flow.commented");
    }

    public void superviseUrge() {
        act(() -> supervision.urge(id, opinion), "flow.urged");
    }

    /** The viewer's open to-do; a page left open after it was handled elsewhere is told so by the service's key. */
    private long task() {
        return getSight().taskId().orElseThrow(() -> new DomainException("flow.taskClosed"));
    }

    public void withdraw() {
        act(() -> commands.withdraw(id, opinion), "flow.withdrawn");
    }

    public void urge() {
        act(() -> commands.urge(id, opinion), "flow.urged");
    }

    private void act(Runnable action, String doneKey) {
        try {
            if (messages.attempt(action, doneKey)) {
                opinion = null;
            }
        } catch (FormInvalidException invalid) {
            invalid.fieldProblems().forEach(p -> messages.error(p.messageKey(), p.arguments().toArray()));
        }
        sight = null;
        edits = FormModel.of(editSchema(), getSight().values());
        edits.know(getSight().files());
    }

    public StreamedContent getTrailExport() {
        return download(records.exportTrail(id), "trail-" + getSight().summary().uid() + ".txt");
    }

    public StreamedContent getTrailKey() {
        return download(records.trailKey(), "xietong-trail-key.pem");
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

    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
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

    /** The approvers to add, as login names (the person picker's values). */
    public List<String> getAddLogins() {
        return addLogins;
    }

    public void setAddLogins(List<String> addLogins) {
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
