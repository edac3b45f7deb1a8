package cn.edu.xietong.web.flow;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.Condition;
import cn.edu.xietong.flow.design.DesignProblem;
import cn.edu.xietong.flow.design.DesignStatus;
import cn.edu.xietong.flow.design.DryRunStep;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerType;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.ResubmitPolicy;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FormTemplate;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.CurrentUser;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Backs flow/design-editor.xhtml (O1.3, O3.3): the unit's IT staff set a design's category, form and nodes, run the
 * checks and a dry run with a sample initiator and sample values, and submit it for the supervisor's review. A
 * published design is read-only here; a new version copies it.
 */
@Named
@ViewScoped
public class DesignEditorView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowDesigns designs;

    @Inject
    private Messages messages;

    @Inject
    private CurrentUser currentUser;

    private Long id;
    private Long unitId;
    private String code;
    private String nameZh;
    private String nameEn;
    private Category category = Category.DAILY;
    private Long formId;
    private boolean core;
    private boolean openToAll = true;
    private boolean skipRepeated;
    private DesignStatus status = DesignStatus.DRAFT;
    private String reviewNote;
    private int version;
    private final List<NodeRow> nodes = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private String sampleInitiator;
    private FormModel sample = new FormModel();
    private transient List<DryRunStep> dryRun;
    private transient List<FormTemplate> forms;

    public void load() {
        if (id == null) {
            if (nodes.isEmpty()) {
                nodes.add(NodeRow.blank(1));
            }
            return;
        }
        FlowDesign design = designs.design(id);
        unitId = design.getUnit().getId();
        code = design.getCode();
        nameZh = design.getNameZh();
        nameEn = design.getNameEn();
        category = design.getCategory();
        formId = design.getForm().getId();
        core = design.isCore();
        openToAll = design.isOpenToAll();
        skipRepeated = design.definition().skipRepeatedApprover();
        status = design.getStatus();
        reviewNote = design.getReviewNote();
        version = design.getVersion();
        nodes.clear();
        design.definition().nodes().forEach(n -> nodes.add(NodeRow.of(n)));
        sample = FormModel.of(design.getForm().schema(), FormValues.empty());
    }

    public List<Unit> getUnits() {
        return currentUser.itUnits();
    }

    /** Published forms of the caller's units (read once per view: every node's field lists ask). */
    public List<FormTemplate> getForms() {
        if (forms == null) {
            forms = designs.myForms().stream().filter(FormTemplate::isPublished).toList();
        }
        return forms;
    }

    private FormTemplate form() {
        return getForms().stream().filter(f -> f.getId().equals(formId)).findFirst().orElse(null);
    }

    public List<FieldSpec> getFormFields() {
        FormTemplate form = form();
        return form == null ? List.of() : form.schema().fields();
    }

    public List<String> getFieldKeys() {
        return getFormFields().stream().map(FieldSpec::key).toList();
    }

    /** The form's unit fields, whose unit a FIELD_UNIT_ROLE handler takes its role holders from. */
    public List<String> getUnitFieldKeys() {
        return getFormFields().stream().filter(f -> f.type() == cn.edu.xietong.flow.form.FieldType.UNIT)
                .map(FieldSpec::key).toList();
    }

    public boolean isEditable() {
        return status == DesignStatus.DRAFT;
    }

    private FlowDefinition definition() {
        return new FlowDefinition(nodes.stream().map(NodeRow::toSpec).toList(), skipRepeated);
    }

    public void addNode() {
        nodes.add(NodeRow.blank(nodes.size() + 1));
    }

    public void moveUp(int index) {
        if (index > 0 && index < nodes.size()) {
            Collections.swap(nodes, index, index - 1);
        }
    }

    public void moveDown(int index) {
        if (index >= 0 && index < nodes.size() - 1) {
            Collections.swap(nodes, index, index + 1);
        }
    }

    public void remove(int index) {
        if (index >= 0 && index < nodes.size()) {
            nodes.remove(index);
        }
    }

    public boolean save() {
        problems.clear();
        try {
            FlowDesign design = id == null
                    ? designs.createDesign(unitId == null ? -1 : unitId, code, nameZh, nameEn, category,
                    formId == null ? -1 : formId, definition(), core, openToAll)
                    : designs.reviseDesign(id, nameZh, nameEn, category, formId == null ? -1 : formId, definition(),
                    core, openToAll);
            id = design.getId();
            version = design.getVersion();
            sample = FormModel.of(design.getForm().schema(), FormValues.empty());
            check();
            messages.info("flow.designer.saved");
            return true;
        } catch (DomainException refused) {
            messages.error(refused);
            return false;
        }
    }

    /** Runs the checks on the saved design. */
    public void check() {
        problems.clear();
        if (id == null) {
            return;
        }
        for (DesignProblem p : designs.problems(id)) {
            problems.add((p.node().isEmpty() ? "" : p.node() + ": ") + messages.text(p.messageKey(),
                    p.arguments().toArray()));
        }
    }

    public void runDry() {
        if (id == null && !save()) {
            return;
        }
        FormTemplate form = designs.design(id).getForm();
        try {
            dryRun = designs.dryRun(id, sampleInitiator, sample.toValues(form.schema()));
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void submitForReview() {
        if (isEditable() && save() && messages.attempt(() -> designs.submitForReview(id), "flow.designer.submitted")) {
            status = DesignStatus.IN_REVIEW;
        }
    }

    public String newVersion() {
        FlowDesign next = designs.newVersion(id);
        messages.info("flow.designer.newVersion", next.getVersion());
        messages.keepForRedirect();
        return "/flow/design-editor?faces-redirect=true&id=" + next.getId();
    }

    public void retire() {
        if (messages.attempt(() -> designs.retire(id), "flow.designer.retired")) {
            status = DesignStatus.RETIRED;
        }
    }

    public List<Category> getCategories() {
        return List.of(Category.values());
    }

    public List<NodeKind> getKinds() {
        return List.of(NodeKind.values());
    }

    public List<HandlerType> getHandlerTypes() {
        return List.of(HandlerType.values());
    }

    public List<Role> getUnitRoles() {
        return List.of(Role.UNIT_LEADER, Role.UNIT_IT);
    }

    public List<Condition.Operator> getOperators() {
        return List.of(Condition.Operator.values());
    }

    public List<ResubmitPolicy> getPolicies() {
        return List.of(ResubmitPolicy.values());
    }

    public List<DryRunStep> getDryRun() {
        return dryRun;
    }

    public List<NodeRow> getNodes() {
        return nodes;
    }

    public List<String> getProblems() {
        return problems;
    }

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public Category getCategory() {
        return category;
    }

    public void setCategory(Category category) {
        this.category = category;
    }

    public Long getFormId() {
        return formId;
    }

    public void setFormId(Long formId) {
        this.formId = formId;
    }

    public boolean isCore() {
        return core;
    }

    public void setCore(boolean core) {
        this.core = core;
    }

    public boolean isOpenToAll() {
        return openToAll;
    }

    public void setOpenToAll(boolean openToAll) {
        this.openToAll = openToAll;
    }

    public boolean isSkipRepeated() {
        return skipRepeated;
    }

    public void setSkipRepeated(boolean skipRepeated) {
        this.skipRepeated = skipRepeated;
    }

    public DesignStatus getStatus() {
        return status;
    }

    public String getReviewNote() {
        return reviewNote;
    }

    public int getVersion() {
        return version;
    }

    public String getSampleInitiator() {
        return sampleInitiator;
    }

    public void setSampleInitiator(String sampleInitiator) {
        this.sampleInitiator = sampleInitiator;
    }

    public FormModel getSample() {
        return sample;
    }
}
