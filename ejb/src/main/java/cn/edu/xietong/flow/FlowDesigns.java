package cn.edu.xietong.flow;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.CoreParticipant;
import cn.edu.xietong.flow.design.DesignCheck;
import cn.edu.xietong.flow.design.DesignProblem;
import cn.edu.xietong.flow.design.DryRunStep;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.form.FieldProblem;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormTemplate;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Form templates and flow designs through their lifecycle (A1, O1.3, O1.4, O3.3): a unit's IT staff draft them for
 * their unit, the checks and the dry run tell them what is wrong, the supervisor publishes or returns a design with a
 * reason, and publishing makes a new version while running instances keep theirs. The supervisor keeps the lists of
 * who may take part in each core flow. Changes are audited (S5).
 */
@Stateless
@RolesAllowed("STAFF")
public class FlowDesigns {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{1,39}");

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private AuditTrail audit;

    @EJB
    private OfficeClock clock;

    // ---- forms

    /** The form templates and designs the caller may edit: those of the units where they are IT staff. */
    @RolesAllowed("UNIT_IT")
    public List<FormTemplate> myForms() {
        return em.createNamedQuery(FormTemplate.OF_UNITS, FormTemplate.class).setParameter("units", myUnitIds())
                .getResultList();
    }

    @RolesAllowed("UNIT_IT")
    public List<FlowDesign> myDesigns() {
        return em.createNamedQuery(FlowDesign.OF_UNITS, FlowDesign.class).setParameter("units", myUnitIds())
                .getResultList();
    }

    /** The units where the caller is IT staff, with their sub-offices (where {@link #itUnit} lets them edit). */
    private List<Long> myUnitIds() {
        List<Long> ids = UnitScope.reachOf(em, directory.me(), Role.UNIT_IT);
        return ids.isEmpty() ? List.of(-1L) : ids;
    }

    /**
     * A new form template, version 1, as a draft.
     *
     * @throws InvalidInputException {@code flow.badCode}, {@code flow.codeTaken}, or the template's problems
     */
    @RolesAllowed("UNIT_IT")
    public FormTemplate createForm(long unitId, String code, String nameZh, String nameEn, FormSchema schema) {
        Unit unit = itUnit(unitId);
        checkCode(code, FormTemplate.LATEST);
        checkForm(nameZh, schema);
        FormTemplate form = new FormTemplate(code, 1, name(nameZh), nameEn(nameEn), unit,
                schema, clock.now(), caller());
        em.persist(form);
        audit(AuditEvent.FORM_CHANGE, code + " v1: created");
        return form;
    }

    @RolesAllowed("UNIT_IT")
    public FormTemplate reviseForm(long formId, String nameZh, String nameEn, FormSchema schema) {
        FormTemplate form = editableForm(formId);
        checkForm(nameZh, schema);
        form.revise(name(nameZh), nameEn(nameEn), schema, clock.now(), caller());
        audit(AuditEvent.FORM_CHANGE, form.getCode() + " v" + form.getVersion() + ": revised");
        return form;
    }

    @RolesAllowed("UNIT_IT")
    public FormTemplate publishForm(long formId) {
        FormTemplate form = editableForm(formId);
        form.publish(clock.now(), caller());
        audit(AuditEvent.FORM_CHANGE, form.getCode() + " v" + form.getVersion() + ": published");
        return form;
    }

    /** A new draft version of a published form, to change it without touching the flows that use the old one. */
    @RolesAllowed("UNIT_IT")
    public FormTemplate newFormVersion(long formId) {
        FormTemplate old = editableForm(formId);
        int next = em.createNamedQuery(FormTemplate.LATEST, Integer.class).setParameter("code", old.getCode())
                .getSingleResult() + 1;
        FormTemplate form = new FormTemplate(old.getCode(), next, old.getNameZh(), old.getNameEn(), old.getUnit(),
                old.schema(), clock.now(), caller());
        em.persist(form);
        audit(AuditEvent.FORM_CHANGE, form.getCode() + " v" + next + ": new version");
        return form;
    }

    private FormTemplate editableForm(long formId) {
        FormTemplate form = em.find(FormTemplate.class, formId, LockModeType.PESSIMISTIC_WRITE);
        if (form == null) {
            throw new DomainException("flow.noSuchForm");
        }
        itUnit(form.getUnit().getId());
        return form;
    }

    private static void checkForm(String nameZh, FormSchema schema) {
        name(nameZh);
        List<FieldProblem> problems = schema.problems();
        if (!problems.isEmpty()) {
            throw new FormInvalidException(problems);
        }
    }

    // ---- designs

    /**
     * A new design, version 1, as a draft bound to a published form of the same unit.
     *
     * @throws InvalidInputException {@code flow.badCode}, {@code flow.codeTaken}, {@code flow.badName}
     */
    @RolesAllowed("UNIT_IT")
    public FlowDesign createDesign(long unitId, String code, String nameZh, String nameEn, Category category,
                                   long formId, FlowDefinition definition, boolean core, boolean openToAll) {
        Unit unit = itUnit(unitId);
        checkCode(code, FlowDesign.LATEST);
        FlowDesign design = new FlowDesign(code, 1, name(nameZh), nameEn(nameEn),
                required(category), unit, usableForm(formId, unit), definition, core, openToAll, clock.now(), caller());
        em.persist(design);
        audit(AuditEvent.FLOW_DESIGN_CHANGE, code + " v1: created");
        return design;
    }

    @RolesAllowed("UNIT_IT")
    public FlowDesign reviseDesign(long designId, String nameZh, String nameEn, Category category, long formId,
                                   FlowDefinition definition, boolean core, boolean openToAll) {
        FlowDesign design = ownDesign(designId);
        design.revise(name(nameZh), nameEn(nameEn), required(category),
                usableForm(formId, design.getUnit()), definition, core, openToAll, clock.now(), caller());
        audit(AuditEvent.FLOW_DESIGN_CHANGE, design.getCode() + " v" + design.getVersion() + ": revised");
        return design;
    }

    /** What stands between the design and its review (O3.3). */
    @RolesAllowed({"UNIT_IT", "SUPERVISOR"})
    public List<DesignProblem> problems(long designId) {
        FlowDesign design = readableDesign(designId);
        return DesignCheck.problems(design.definition(), design.getForm().schema(), new FlowDirectory(em, design));
    }

    /** The path a sample form of a sample initiator would take, with the actual handlers (O3.3). */
    @RolesAllowed({"UNIT_IT", "SUPERVISOR"})
    public List<DryRunStep> dryRun(long designId, String initiatorLogin, FormValues values) {
        FlowDesign design = readableDesign(designId);
        Person initiator = Person.byLogin(em, initiatorLogin == null ? "" : initiatorLogin.strip())
                .orElseThrow(() -> new DomainException("flow.unknownPerson", String.valueOf(initiatorLogin)));
        return DryRunStep.of(design.definition(), design.getForm().schema(), new FlowDirectory(em, design), initiator,
                values);
    }

    /**
     * Sends a sound draft to the supervisor.
     *
     * @throws InvalidInputException {@code flow.design.invalid} while the checks find problems
     */
    @RolesAllowed("UNIT_IT")
    public FlowDesign submitForReview(long designId) {
        FlowDesign design = ownDesign(designId);
        if (!DesignCheck.problems(design.definition(), design.getForm().schema(), new FlowDirectory(em, design))
                .isEmpty()) {
            throw new InvalidInputException("flow.design.invalid");
        }
        design.submitForReview(clock.now(), caller());
        audit(AuditEvent.FLOW_DESIGN_CHANGE, design.getCode() + " v" + design.getVersion() + ": submitted for review");
        return design;
    }

    @RolesAllowed("SUPERVISOR")
    public List<FlowDesign> reviewQueue() {
        return em.createNamedQuery(FlowDesign.IN_REVIEW, FlowDesign.class).getResultList();
    }

    /** Publishes a reviewed design; the version published before it is superseded (its instances go on). */
    @RolesAllowed("SUPERVISOR")
    public FlowDesign publish(long designId) {
        FlowDesign design = lockedDesign(designId);
        if (!DesignCheck.problems(design.definition(), design.getForm().schema(), new FlowDirectory(em, design))
                .isEmpty()) {
            throw new InvalidInputException("flow.design.invalid");
        }
        for (FlowDesign older : em.createNamedQuery(FlowDesign.PUBLISHED_OF_CODE, FlowDesign.class)
                .setParameter("code", design.getCode()).getResultList()) {
            older.supersede();
        }
        design.publish(clock.now(), caller());
        audit(AuditEvent.FLOW_DESIGN_CHANGE, design.getCode() + " v" + design.getVersion() + ": published");
        return design;
    }

    @RolesAllowed("SUPERVISOR")
    public FlowDesign returnForRework(long designId, String reason) {
        FlowDesign design = lockedDesign(designId);
        design.returnForRework(reason, clock.now(), caller());
        audit(AuditEvent.FLOW_DESIGN_CHANGE, design.getCode() + " v" + design.getVersion() + ": returned");
        return design;
    }

    /** Takes a published design out of use (the unit's IT staff or the supervisor); running instances go on. */
    @RolesAllowed({"UNIT_IT", "SUPERVISOR"})
    public FlowDesign retire(long designId) {
        FlowDesign design = lockedDesign(designId);
        if (!directory.me().hasRole(Role.SUPERVISOR)) {
            itUnit(design.getUnit().getId());
        }
        design.retire(clock.now(), caller());
        audit(AuditEvent.FLOW_DESIGN_CHANGE, design.getCode() + " v" + design.getVersion() + ": retired");
        return design;
    }

    /** A new draft version of a design, to change a published flow. */
    @RolesAllowed("UNIT_IT")
    public FlowDesign newVersion(long designId) {
        FlowDesign old = lockedDesign(designId);
        itUnit(old.getUnit().getId());
        int next = em.createNamedQuery(FlowDesign.LATEST, Integer.class).setParameter("code", old.getCode())
                .getSingleResult() + 1;
        FlowDesign design = new FlowDesign(old.getCode(), next, old.getNameZh(), old.getNameEn(), old.getCategory(),
                old.getUnit(), old.getForm(), old.definition(), old.isCore(), old.isOpenToAll(), clock.now(), caller());
        em.persist(design);
        audit(AuditEvent.FLOW_DESIGN_CHANGE, design.getCode() + " v" + next + ": new version");
        return design;
    }

    public FlowDesign design(long designId) {
        return readableDesign(designId);
    }

    // ---- core flows (O1.4)

    @RolesAllowed("SUPERVISOR")
    public List<FlowDesign> coreDesigns() {
        return em.createNamedQuery(FlowDesign.PUBLISHED, FlowDesign.class).getResultStream()
                .filter(FlowDesign::isCore).toList();
    }

    @RolesAllowed("SUPERVISOR")
    public List<CoreParticipant> participants(String designCode) {
        return em.createNamedQuery(CoreParticipant.OF_CODE, CoreParticipant.class).setParameter("code", designCode)
                .getResultList();
    }

    @RolesAllowed("SUPERVISOR")
    public void addParticipant(String designCode, String login) {
        Person person = FlowDirectory.activePerson(em, login);
        if (participants(designCode).stream().anyMatch(c -> c.getPerson().getId().equals(person.getId()))) {
            return;
        }
        em.persist(new CoreParticipant(designCode, person, clock.now(), caller()));
        audit(AuditEvent.FLOW_CORE_LIST, designCode + ": + " + person.getLogin());
    }

    @RolesAllowed("SUPERVISOR")
    public void removeParticipant(long participantId) {
        CoreParticipant participant = em.find(CoreParticipant.class, participantId);
        if (participant != null) {
            em.remove(participant);
            audit(AuditEvent.FLOW_CORE_LIST, participant.getDesignCode() + ": - " + participant.getPerson().getLogin());
        }
    }

    // ---- helpers

    /** The unit, if the caller is its IT staff (or of a unit above it). */
    private Unit itUnit(long unitId) {
        Unit unit = em.find(Unit.class, unitId);
        Person me = directory.me();
        if (unit == null || !me.holdsFor(Role.UNIT_IT, unit)) {
            throw new EJBAccessException(me.getLogin() + " is not IT staff of unit " + unitId);
        }
        return unit;
    }

    private FlowDesign lockedDesign(long designId) {
        FlowDesign design = em.find(FlowDesign.class, designId, LockModeType.PESSIMISTIC_WRITE);
        if (design == null) {
            throw new DomainException("flow.noSuchDesign");
        }
        return design;
    }

    private FlowDesign ownDesign(long designId) {
        FlowDesign design = lockedDesign(designId);
        itUnit(design.getUnit().getId());
        return design;
    }

    private FlowDesign readableDesign(long designId) {
        FlowDesign design = em.find(FlowDesign.class, designId);
        if (design == null) {
            throw new DomainException("flow.noSuchDesign");
        }
        Person me = directory.me();
        if (!me.hasRole(Role.SUPERVISOR) && !me.holdsFor(Role.UNIT_IT, design.getUnit())) {
            throw new EJBAccessException(me.getLogin() + " may not read design " + designId);
        }
        return design;
    }

    private FormTemplate usableForm(long formId, Unit unit) {
        FormTemplate form = em.find(FormTemplate.class, formId);
        if (form == null || !form.getUnit().getId().equals(unit.getId())) {
            throw new DomainException("flow.noSuchForm");
        }
        return form;
    }

    private void checkCode(String code, String latestQuery) {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new InvalidInputException("flow.badCode");
        }
        if (em.createNamedQuery(latestQuery, Integer.class).setParameter("code", code).getSingleResult() != null) {
            throw new InvalidInputException("flow.codeTaken", code);
        }
    }

    /** A form's or flow's Chinese name: visible, at most 100 characters (S3). */
    private static String name(String nameZh) {
        return DisplayText.name(nameZh, 100).orElseThrow(() -> new InvalidInputException("flow.badName"));
    }

    /** The English name, which may be left out: at most 200 characters. */
    private static String nameEn(String nameEn) {
        return DisplayText.optionalName(nameEn, 200).orElseThrow(() -> new InvalidInputException("flow.badNameEn"));
    }

    private static Category required(Category category) {
        if (category == null) {
            throw new InvalidInputException("flow.badCategory");
        }
        return category;
    }

    private String caller() {
        return directory.me().getLogin();
    }

    private void audit(AuditEvent event, String detail) {
        audit.record(event, AuditOutcome.SUCCESS, caller(), null, detail);
    }
}
