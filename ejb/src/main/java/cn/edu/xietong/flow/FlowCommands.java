package cn.edu.xietong.flow;

import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.DesignStatus;
import cn.edu.xietong.flow.design.DryRunStep;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.form.FieldProblem;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.Assignee;
import cn.edu.xietong.flow.instance.FlowContext;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.Placement;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Starting flows and acting on them (A1–A3): the catalogue, drafts and submissions, and every handler's and
 * initiator's command. A command runs one way only ({@link #onInstance}, {@link #onTask}): it locks its instance for the
 * transaction (of two people acting on the same to-do at once exactly one succeeds, the other is told
 * {@code flow.taskClosed}), refuses a caller who takes no part in it, runs the state machine's transition and seals
 * the trail, so each action is signed before the commit (B3) and the people it concerns are notified. Only people of
 * units that may use the flow's module (O2.7) start or submit one; on a core flow only people on its list (O1.4).
 */
@Stateless
@RolesAllowed("STAFF")
public class FlowCommands {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private SpecialDays calendar;

    @EJB
    private FlowTrail trail;

    @EJB
    private OfficeClock clock;


    @EJB
    private FileStore files;

    /** The published designs the caller may start, by category (only modules their unit may use; core lists apply). */
    public List<FlowDesign> catalogue(Category category) {
        Person me = directory.me();
        List<FlowDesign> startable = new ArrayList<>();
        for (FlowDesign design : em.createNamedQuery(FlowDesign.PUBLISHED, FlowDesign.class).getResultList()) {
            boolean listed = category == null ? Category.startable().contains(design.getCategory())
                    : design.getCategory() == category;
            if (listed && mayStart(me, design)) {
                startable.add(design);
            }
        }
        return startable;
    }

    private boolean mayStart(Person me, FlowDesign design) {
        return me.getUnit().mayUse(design.module()) && design.openTo(me.getUnit())
                && (!design.isCore() || new FlowDirectory(em, design).participants(design.getCode())
                .contains(me.getLogin()));
    }

    /** A published design the caller may start. */
    public FlowDesign startable(long designId) {
        return startable(designId, directory.me());
    }

    private FlowDesign startable(long designId, Person me) {
        FlowDesign design = em.find(FlowDesign.class, designId);
        if (design == null || design.getStatus() != DesignStatus.PUBLISHED) {
            throw new DomainException("flow.designNotPublished");
        }
        if (design.getCategory().startedByModule()) {
            throw new DomainException("flow.startedByPublishing"); // B4, S4: started for an object, by its module
        }
        ModuleRights.check(me.getUnit(), design.module());
        if (!mayStart(me, design)) {
            throw new EJBAccessException(me.getLogin() + " may not start " + design.getCode());
        }
        return design;
    }

    /**
     * The path a form with these values would take if the caller submitted it now, with each node's handlers and
     * whether the caller must choose among them (the start page shows it before submitting).
     */
    public List<DryRunStep> preview(long designId, FormValues values) {
        FlowDesign design = em.find(FlowDesign.class, designId);
        if (design == null) {
            throw new DomainException("flow.noSuchDesign");
        }
        return DryRunStep.of(design.definition(), design.getForm().schema(), new FlowDirectory(em, design),
                directory.me(), values);
    }

    /**
     * Saves a new draft.
     *
     * @throws FormInvalidException with every field's problem
     */
    public FlowInstance saveDraft(long designId, String title, FormValues values) {
        return saveDraft(designId, title, values, directory.me());
    }

    private FlowInstance saveDraft(long designId, String title, FormValues values, Person me) {
        FlowDesign design = startable(designId, me);
        FlowInstance instance = FlowInstance.draft(design, me, title, checked(design, values, me, FormValues.empty()),
                clock.now());
        em.persist(instance);
        return instance;
    }

    /** Starts a flow in one step: a draft submitted at once. */
    public FlowInstance start(long designId, String title, FormValues values, Map<String, List<String>> choices) {
        Person me = directory.me();
        FlowInstance instance = saveDraft(designId, title, values, me);
        return runner().run(instance, context -> instance.submit(me, choices, context));
    }

    /**
     * Starts the approval a module asks for its own object — an item to be published (B4), a controlled document's
     * download (S4) — with the published design of that category and code: the module's way in, after it has checked
     * the caller's right; the caller is the initiator.
     */
    public FlowInstance startForModule(Category category, String designCode, String title, FormValues values) {
        if (!category.startedByModule()) {
            throw new IllegalArgumentException(category + " is started from the catalogue");
        }
        Person me = directory.me();
        FlowDesign design = em.createNamedQuery(FlowDesign.PUBLISHED, FlowDesign.class).getResultStream()
                .filter(d -> d.getCode().equals(designCode) && d.getCategory() == category).findFirst()
                .orElseThrow(() -> new DomainException("flow.designNotPublished"));
        ModuleRights.check(me.getUnit(), design.module());
        FlowInstance instance = FlowInstance.draft(design, me, title, checked(design, values, me, FormValues.empty()),
                clock.now());
        em.persist(instance);
        return runner().run(instance, context -> instance.submit(me, Map.of(), context));
    }

    /** Changes a draft, or a returned or withdrawn instance, before it is submitted again. */
    public FlowInstance revise(long instanceId, String title, FormValues values) {
        return onInstance(instanceId, (instance, me, context) ->
                instance.revise(me, title, checked(instance.getDesign(), values, me, instance.values())));
    }

    /** Submits a draft, or resubmits a returned or withdrawn instance (A3). */
    public FlowInstance submit(long instanceId, Map<String, List<String>> choices) {
        return onInstance(instanceId, (instance, me, context) -> {
            ModuleRights.check(me.getUnit(), instance.getDesign().module());
            instance.submit(me, choices, context);
        });
    }

    /** Approves a to-do; the fields the node lets its handler edit are taken from {@code edits} (may be null). */
    public FlowInstance approve(long taskId, String opinion, FormValues edits) {
        return onTask(taskId, (instance, task, me, context) -> {
            if (edits != null) {
                checked(instance.getDesign(), instance.values().withFields(edits,
                        instance.getDesign().definition().node(task.getNodeId()).orElseThrow().editable()), me,
                        instance.values());
            }
            instance.approve(task, me, opinion, edits, context);
        });
    }

    /** Rejects a to-do, which ends the flow (A3). */
    public FlowInstance reject(long taskId, String reason) {
        return onTask(taskId, (instance, task, me, context) -> instance.reject(task, me, reason, context));
    }

    /** Returns to the initiator ({@code targetNode} null) or to an earlier node, with a reason (A3). */
    public FlowInstance returnTo(long taskId, String reason, String targetNode) {
        return onTask(taskId, (instance, task, me, context) ->
                instance.returnTo(task, me, reason, targetNode, context));
    }

    /** The initiator withdraws a running flow that no handler has acted on yet; the note goes into the trail. */
    public FlowInstance withdraw(long instanceId, String note) {
        return onInstance(instanceId, (instance, me, context) -> instance.withdraw(me, note, context));
    }

    /** Hands a to-do to another active person (转办, A2). */
    public FlowInstance transfer(long taskId, String toLogin, String opinion) {
        return onTask(taskId, (instance, task, me, context) ->
                instance.transfer(task, me, Assignee.of(receiver(instance, toLogin)), opinion, context));
    }

    /** Adds approvers before or after the caller, or beside them (加签, A2). */
    public FlowInstance addApprovers(long taskId, List<String> logins, Placement placement, String opinion) {
        return onTask(taskId, (instance, task, me, context) -> {
            List<Assignee> people = logins.stream().map(l -> receiver(instance, l)).map(Assignee::of).toList();
            instance.addApprovers(task, me, people, placement, opinion, context);
        });
    }

    /** The active person who is to receive a to-do of the instance; on a core flow, only one on its list (O1.4). */
    private Person receiver(FlowInstance instance, String login) {
        Person person = FlowDirectory.activePerson(em, login);
        FlowDirectory.requireParticipant(em, instance.getDesign(), person);
        return person;
    }

    /** Marks a copy read (the read receipt). */
    public FlowInstance read(long taskId) {
        return onTask(taskId, (instance, task, me, context) -> instance.read(task, me, context));
    }

    /** The initiator urges (催办) the current handlers; they are told by notification (and e-mail, as each chooses). */
    public FlowInstance urge(long instanceId, String note) {
        return onInstance(instanceId, (instance, me, context) -> instance.urge(me, false, note, context));
    }

    // ---- the one way a command runs

    /** A command on an instance as a whole, by the caller ({@code me}). */
    @FunctionalInterface
    private interface InstanceCommand {
        void run(FlowInstance instance, Person me, FlowContext context);
    }

    /** A command on one to-do of an instance, by the caller ({@code me}). */
    @FunctionalInterface
    private interface TaskCommand {
        void run(FlowInstance instance, FlowTask task, Person me, FlowContext context);
    }

    /** Locks the instance, refuses a caller who takes no part in it, runs the command and seals the trail. */
    private FlowInstance onInstance(long instanceId, InstanceCommand command) {
        Person me = directory.me();
        FlowInstance instance = InstanceAccess.locked(em, instanceId, me);
        return runner().run(instance, context -> command.run(instance, me, context));
    }

    /** Locks the to-do's instance, refuses a caller who takes no part in it, runs the command and seals the trail. */
    private FlowInstance onTask(long taskId, TaskCommand command) {
        Person me = directory.me();
        FlowInstance instance = InstanceAccess.lockedByTask(em, taskId, me);
        FlowTask task = instance.task(taskId).orElseThrow();
        return runner().run(instance, context -> command.run(instance, task, me, context));
    }

    private CommandRunner runner() {
        return new CommandRunner(em, trail, clock.now(), calendar.calendar());
    }

    /**
     * The initiator's values, checked against the form without the fields handlers fill in (A1): those keep what the
     * handlers entered, whatever the request says, and are not required of the initiator. A file may be named by an
     * attachment field when the form already named it or the acting person uploaded it (S1: nobody attaches someone
     * else's upload by guessing its id).
     */
    private FormValues checked(FlowDesign design, FormValues typed, Person me, FormValues before) {
        Set<String> handlerFields = design.definition().handlerFields();
        FormSchema schema = design.getForm().schema().without(handlerFields);
        FormValues values = typed.without(handlerFields);
        Set<String> usable = new HashSet<>(schema.attachments(before));
        files.infos(schema.attachments(values)).stream().filter(file -> file.ownerId().equals(me.getId()))
                .forEach(file -> usable.add(file.uid()));
        List<FieldProblem> problems = schema.validate(values, new FlowDirectory(em, design).withFiles(usable));
        if (!problems.isEmpty()) {
            throw new FormInvalidException(problems);
        }
        if (values.canonicalJson().length() > FormValues.MAX_JSON) {
            throw new FormInvalidException(List.of(FieldProblem.of("", "form.tooLarge")));
        }
        return values.withFields(before, handlerFields);
    }
}
