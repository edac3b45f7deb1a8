package cn.edu.xietong.web.flow;

import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.form.FieldProblem;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormSchema;
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
 * Backs flow/form-designer.xhtml (A1): the unit's IT staff add, order and configure fields, and see the form as
 * staff will see it while they work (the live preview is rendered from the fields as they stand). Saving creates
 * the template or revises the draft; publishing freezes the version; a new version copies a published one.
 */
@Named
@ViewScoped
public class FormDesignerView implements Serializable {

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
    private boolean published;
    private int version;
    private FieldType newType = FieldType.TEXT;
    private final List<FieldRow> fields = new ArrayList<>();
    private FormModel preview = new FormModel();
    private final List<String> problems = new ArrayList<>();

    public void load() {
        if (id != null) {
            FormTemplate form = designs.myForms().stream().filter(f -> f.getId().equals(id)).findFirst()
                    .orElseThrow(() -> new DomainException("flow.noSuchForm"));
            unitId = form.getUnit().getId();
            code = form.getCode();
            nameZh = form.getNameZh();
            nameEn = form.getNameEn();
            published = form.isPublished();
            version = form.getVersion();
            fields.clear();
            form.schema().fields().forEach(f -> fields.add(FieldRow.of(f)));
        }
    }

    /** The units where the caller is IT staff. */
    public List<Unit> getUnits() {
        return currentUser.itUnits();
    }

    public List<FieldType> getTypes() {
        return List.of(FieldType.values());
    }

    public List<FieldType> getColumnTypes() {
        return getTypes().stream().filter(FieldType::allowedInDetail).toList();
    }

    /** The fields as they stand, for the live preview; fields that do not parse yet are left out. */
    public List<FieldSpec> getPreviewFields() {
        List<FieldSpec> specs = new ArrayList<>();
        for (FieldRow row : fields) {
            try {
                specs.add(row.toSpec());
            } catch (NumberFormatException e) {
                // shown once it parses; saving reports it
            }
        }
        preview = syncPreview(specs);
        return specs;
    }

    private FormModel syncPreview(List<FieldSpec> specs) {
        FormSchema schema = new FormSchema(specs);
        FormModel model = FormModel.of(schema, FormValues.empty());
        model.getTexts().putAll(preview.getTexts());
        preview.getRows().forEach((k, v) -> {
            if (model.getRows().containsKey(k)) {
                model.getRows().put(k, v);
            }
        });
        return model;
    }

    public void addField() {
        fields.add(FieldRow.blank(newType, fields.size() + 1));
    }

    public void addColumn(FieldRow detail) {
        detail.getColumns().add(FieldRow.blank(FieldType.TEXT, detail.getColumns().size() + 1));
    }

    public void removeColumn(FieldRow detail, FieldRow column) {
        detail.getColumns().remove(column);
    }

    public void moveUp(int index) {
        if (index > 0 && index < fields.size()) {
            Collections.swap(fields, index, index - 1);
        }
    }

    public void moveDown(int index) {
        if (index >= 0 && index < fields.size() - 1) {
            Collections.swap(fields, index, index + 1);
        }
    }

    public void remove(int index) {
        if (index >= 0 && index < fields.size()) {
            fields.remove(index);
        }
    }

    public void save() {
        problems.clear();
        FormSchema schema;
        try {
            schema = new FormSchema(fields.stream().map(FieldRow::toSpec).toList());
        } catch (NumberFormatException e) {
            messages.error("flow.designer.badNumber");
            return;
        }
        try {
            FormTemplate form = id == null ? designs.createForm(unitId == null ? -1 : unitId, code, nameZh, nameEn, schema)
                    : designs.reviseForm(id, nameZh, nameEn, schema);
            id = form.getId();
            version = form.getVersion();
            messages.info("flow.designer.saved");
        } catch (FormInvalidException invalid) {
            for (FieldProblem p : invalid.fieldProblems()) {
                problems.add(messages.text(p.messageKey(), p.arguments().toArray()));
            }
            messages.error("form.design.invalid");
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void publish() {
        save();
        if (problems.isEmpty() && id != null && messages.attempt(() -> designs.publishForm(id), "flow.designer.published")) {
            published = true;
        }
    }

    public String newVersion() {
        FormTemplate next = designs.newFormVersion(id);
        messages.info("flow.designer.newVersion", next.getVersion());
        messages.keepForRedirect();
        return "/flow/form-designer?faces-redirect=true&id=" + next.getId();
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

    public boolean isPublished() {
        return published;
    }

    public int getVersion() {
        return version;
    }

    public FieldType getNewType() {
        return newType;
    }

    public void setNewType(FieldType newType) {
        this.newType = newType;
    }

    public List<FieldRow> getFields() {
        return fields;
    }

    /** The form's date ranges, whose working days a number field may count (the leave form's days). */
    public List<FieldRow> getRanges() {
        return fields.stream().filter(f -> f.getType() == FieldType.DATE_RANGE).toList();
    }

    public FormModel getPreview() {
        return preview;
    }

    public List<String> getProblems() {
        return problems;
    }
}
