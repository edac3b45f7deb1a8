package cn.edu.xietong.web.flow;

import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.Revision;
import cn.edu.xietong.flow.design.DryRunStep;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldProblem;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Backs flow/start.xhtml (A1–A3): fills a new form of a design, or revises a draft, returned or withdrawn instance;
 * shows the path it would take with the handlers, lets the initiator choose where the design asks, saves a draft or
 * submits. Problems come back from the service field by field.
 */
@Named
@ViewScoped
public class StartView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowCommands commands;

    @EJB
    private SpecialDays calendar;

    @EJB
    private FlowRecords records;

    @Inject
    private Messages messages;

    private String designParam;
    private String instanceParam;
    private Long designId;
    private Long instanceId;
    private transient FlowDesign design;
    private String title;
    private FormModel form;
    private final Map<String, String> choice = new HashMap<>();
    private final Map<String, List<String>> choices = new HashMap<>();
    private String returnReason;
    private transient List<DryRunStep> path;

    public void load() {
        if (instanceParam != null) {
            instanceId = PageRequest.id("instance", instanceParam);
        } else {
            designId = PageRequest.id("design", designParam);
        }
        if (instanceId != null) {
            Revision revision = records.revision(instanceId);
            design = revision.design();
            designId = design.getId();
            title = revision.title();
            returnReason = revision.returnReason();
            form = FormModel.of(schema(), revision.values());
            form.know(revision.files());
            // the handlers chosen at the last submission stay chosen
            revision.choices().forEach((node, logins) -> {
                choices.put(node, new ArrayList<>(logins));
                choice.put(node, logins.get(0));
            });
        } else if (designId != null) {
            design = commands.startable(designId);
            form = FormModel.of(schema(), FormValues.empty());
        }
    }

    public FlowDesign getDesign() {
        if (design == null && designId != null) {
            design = instanceId != null ? records.revision(instanceId).design() : commands.startable(designId);
        }
        return design;
    }

    /** The initiator's form: without the fields the handlers of a step fill in (A1). */
    public FormSchema schema() {
        return getDesign().getForm().schema().without(getDesign().definition().handlerFields());
    }

    /** The path the form takes as it stands, with the handlers. */
    public List<DryRunStep> getPath() {
        if (path == null && getDesign() != null) {
            try {
                path = commands.preview(designId, form.toValues(schema()));
            } catch (DomainException e) {
                path = List.of();
            }
        }
        return path;
    }

    /** Whether a condition of the design names this field (or a column of it): changing it redraws the path (A1). */
    public boolean conditionField(String key) {
        return getDesign() != null && getDesign().definition().nodes().stream().map(NodeSpec::condition)
                .filter(Objects::nonNull).anyMatch(c -> c.field().equals(key) || c.field().startsWith(key + "."));
    }

    /** A field a condition names changed: the path is read again. */
    public void valueChanged() {
        path = null;
    }

    /**
     * A date range changed: the number fields that count its working days are filled again (the initiator may still
     * change them, e.g. for half days) and the path is read again.
     */
    public void rangeChanged() {
        FormSchema schema = schema();
        FormValues worked = schema.withDaysWorkedOut(form.toValues(schema), calendar.calendar()::isWorkingDay);
        schema.fields().stream().filter(f -> f.daysOf() != null)
                .forEach(f -> worked.text(f.key()).ifPresent(days -> form.getTexts().put(f.key(), days)));
        path = null;
    }

    public void refreshPath() {
        path = null;
    }

    public boolean single(DryRunStep step) {
        return step.node().kind() == NodeKind.APPROVE;
    }

    public String saveDraft() {
        return save(false);
    }

    public String submit() {
        return save(true);
    }

    private String save(boolean andSubmit) {
        form.clearErrors();
        path = null;
        try {
            FlowInstance saved;
            if (instanceId == null) {
                saved = andSubmit ? commands.start(designId, title, form.toValues(schema()), chosen())
                        : commands.saveDraft(designId, title, form.toValues(schema()));
            } else {
                saved = commands.revise(instanceId, title, form.toValues(schema()));
                if (andSubmit) {
                    saved = commands.submit(instanceId, chosen());
                }
            }
            instanceId = saved.getId();
            messages.info(andSubmit ? "flow.submitted" : "flow.draftSaved");
            messages.keepForRedirect();
            return "/flow/instance?faces-redirect=true&id=" + saved.getId();
        } catch (FormInvalidException invalid) {
            for (FieldProblem problem : invalid.fieldProblems()) {
                form.addError(problem.field(), messages.text(problem.messageKey(), problem.arguments().toArray()));
            }
            messages.error("flow.formInvalid");
            return null;
        } catch (DomainException refused) {
            messages.error(refused);
            return null;
        }
    }

    private Map<String, List<String>> chosen() {
        Map<String, List<String>> all = new HashMap<>();
        choice.forEach((node, login) -> {
            if (login != null && !login.isBlank()) {
                all.put(node, List.of(login));
            }
        });
        choices.forEach((node, logins) -> {
            if (logins != null && !logins.isEmpty()) {
                all.put(node, new ArrayList<>(logins));
            }
        });
        return all;
    }

    public Long getDesignId() {
        return designId;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public String getDesignParam() {
        return designParam;
    }

    public void setDesignParam(String designParam) {
        this.designParam = designParam;
    }

    public String getInstanceParam() {
        return instanceParam;
    }

    public void setInstanceParam(String instanceParam) {
        this.instanceParam = instanceParam;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public FormModel getForm() {
        return form;
    }

    public Map<String, String> getChoice() {
        return choice;
    }

    public Map<String, List<String>> getChoices() {
        return choices;
    }

    public String getReturnReason() {
        return returnReason;
    }
}
