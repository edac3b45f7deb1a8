package cn.edu.xietong.flow;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.calendar.CalendarService;
import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.DryRunStep;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.form.FieldProblem;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.ValueText;
import cn.edu.xietong.flow.instance.Assignee;
import cn.edu.xietong.flow.instance.FlowContext;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.InstanceSight;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.flow.instance.Placement;
import cn.edu.xietong.flow.instance.TaskKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.trail.ApprovalSheet;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.flow.trail.FlowTrail;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.security.AccountKeeper;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Running flows (A1–A3): the catalogue, drafts and submissions, every handler's action, the lists of to-dos, done,
 * own flows and copies. Each action locks its instance for the transaction, so that of two people acting on the same
 * to-do at once exactly one succeeds and the other is told {@code flow.taskClosed}; each action's records are signed
 * before the commit (B3). A person sees an instance only if they take part in it, or supervise core flows (O1.5);
 * only people of units that may use the flow's module (O2.7) start or submit one.
 */
@Stateless
@RolesAllowed("STAFF")
public class FlowService {

    /** The longest list read at once (the pages narrow a list with their filters). */
    private static final int LIST_LIMIT = 500;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private DirectoryService directory;

    @EJB
    private CalendarService calendar;

    @EJB
    private FlowTrail trail;

    @EJB
    private OfficeClock clock;


    @EJB
    private FileStore files;

    @EJB
    private AuditTrail audit;

    /** The published designs the caller may start, by category (only modules their unit may use; core lists apply). */
    public List<FlowDesign> catalogue(Category category) {
        Person me = directory.me();
        List<FlowDesign> startable = new ArrayList<>();
        for (FlowDesign design : em.createNamedQuery(FlowDesign.PUBLISHED, FlowDesign.class).getResultList()) {
            if ((category == null || design.getCategory() == category) && mayStart(me, design)) {
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
        if (design == null || design.getStatus() != cn.edu.xietong.flow.design.DesignStatus.PUBLISHED) {
            throw new DomainException("flow.designNotPublished");
        }
        ModuleRights.check(me.getUnit(), design.module());
        if (!mayStart(me, design)) {
            throw new EJBAccessException(me.getLogin() + " may not start " + design.getCode());
        }
        return design;
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
        submitLocked(instance, me, choices);
        return instance;
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

    /** Changes a draft, or a returned or withdrawn instance, before it is submitted again. */
    public FlowInstance revise(long instanceId, String title, FormValues values) {
        Person me = directory.me();
        FlowInstance instance = locked(instanceId, me);
        instance.revise(me, title, checked(instance.getDesign(), values, me, instance.values()));
        return instance;
    }

    /** Submits a draft, or resubmits a returned or withdrawn instance (A3). */
    public FlowInstance submit(long instanceId, Map<String, List<String>> choices) {
        Person me = directory.me();
        FlowInstance instance = locked(instanceId, me);
        ModuleRights.check(me.getUnit(), instance.getDesign().module());
        submitLocked(instance, me, choices);
        return instance;
    }

    private void submitLocked(FlowInstance instance, Person me, Map<String, List<String>> choices) {
        instance.submit(me, choices, context(instance));
        trail.seal(instance);
    }

    /** Approves a to-do; the fields the node lets its handler edit are taken from {@code edits} (may be null). */
    public FlowInstance approve(long taskId, String opinion, FormValues edits) {
        Person me = directory.me();
        FlowInstance instance = lockedByTask(taskId, me);
        FlowTask task = instance.task(taskId).orElseThrow();
        if (edits != null) {
            checked(instance.getDesign(), instance.values().withFields(edits,
                    instance.getDesign().definition().node(task.getNodeId()).orElseThrow().editable()), me,
                    instance.values());
        }
        instance.approve(task, me, opinion, edits, context(instance));
        trail.seal(instance);
        return instance;
    }

    public FlowInstance reject(long taskId, String reason) {
        Person me = directory.me();
        FlowInstance instance = lockedByTask(taskId, me);
        instance.reject(instance.task(taskId).orElseThrow(), me, reason, context(instance));
        trail.seal(instance);
        return instance;
    }

    /** Returns to the initiator ({@code targetNode} null) or to an earlier node, with a reason (A3). */
    public FlowInstance returnTo(long taskId, String reason, String targetNode) {
        Person me = directory.me();
        FlowInstance instance = lockedByTask(taskId, me);
        instance.returnTo(instance.task(taskId).orElseThrow(), me, reason, targetNode, context(instance));
        trail.seal(instance);
        return instance;
    }

    /** The initiator withdraws a running flow that no handler has acted on yet; the note goes into the trail. */
    public FlowInstance withdraw(long instanceId, String note) {
        Person me = directory.me();
        FlowInstance instance = locked(instanceId, me);
        instance.withdraw(me, note, context(instance));
        trail.seal(instance);
        return instance;
    }

    public FlowInstance transfer(long taskId, String toLogin, String opinion) {
        Person me = directory.me();
        FlowInstance instance = lockedByTask(taskId, me);
        instance.transfer(instance.task(taskId).orElseThrow(), me, Assignee.of(receiver(instance, toLogin)),
                opinion, context(instance));
        trail.seal(instance);
        return instance;
    }

    public FlowInstance addApprovers(long taskId, List<String> logins, Placement placement, String opinion) {
        Person me = directory.me();
        FlowInstance instance = lockedByTask(taskId, me);
        List<Assignee> people = logins.stream().map(l -> receiver(instance, l)).map(Assignee::of).toList();
        instance.addApprovers(instance.task(taskId).orElseThrow(), me, people, placement, opinion,
                context(instance));
        trail.seal(instance);
        return instance;
    }

    /** The active person who is to receive a to-do of the instance; on a core flow, only one on its list (O1.4). */
    private Person receiver(FlowInstance instance, String login) {
        Person person = activePerson(login);
        FlowDirectory.requireParticipant(em, instance.getDesign(), person);
        return person;
    }

    /** Marks a copy read (the read receipt). */
    public FlowInstance read(long taskId) {
        Person me = directory.me();
        FlowInstance instance = lockedByTask(taskId, me);
        instance.read(instance.task(taskId).orElseThrow(), me, context(instance));
        trail.seal(instance);
        return instance;
    }

    /** The initiator urges (催办) the current handlers. */
    public FlowInstance urge(long instanceId, String note) {
        Person me = directory.me();
        FlowInstance instance = locked(instanceId, me);
        instance.urge(me, false, note, context(instance));
        trail.seal(instance);
        return instance;
    }

    private Person activePerson(String login) {
        return FlowDirectory.activePerson(em, login);
    }

    // ---- reading

    /**
     * An instance as the caller may see it (S3, O1.3): the form without the fields hidden from their nodes, the files
     * those fields name, the diagram, the trail with its verification and the actions open to them, read in one
     * transaction. Refused alike when the instance does not exist and when the caller takes no part in it.
     */
    public InstanceSight sight(long instanceId) {
        Person me = directory.me();
        return sightOf(visible(instanceId, me), me);
    }

    private InstanceSight sightOf(FlowInstance instance, Person me) {
        InstanceSight sight = instance.sightFor(me, me.hasRole(Role.SUPERVISOR), clock.now());
        return sight.with(files.infos(sight.attachments()), trail.actions(instance), trail.verify(instance));
    }

    /**
     * A draft, returned or withdrawn instance as its initiator revises it before submitting again: only the initiator
     * gets it (the whole form is theirs), and only while it is with them.
     */
    public Revision revision(long instanceId) {
        Person me = directory.me();
        FlowInstance instance = visible(instanceId, me);
        if (!instance.isInitiator(me)) {
            throw new EJBAccessException(me.getLogin() + " did not start instance " + instanceId);
        }
        if (!instance.getStatus().withInitiator()) {
            throw new DomainException("flow.notWithInitiator");
        }
        FormSchema schema = instance.getDesign().getForm().schema();
        return new Revision(instance.getId(), instance.getDesign(), instance.getTitle(), instance.values(),
                instance.getReturnReason(), files.infos(schema.attachments(instance.values())),
                instance.chosenHandlers());
    }

    private FlowInstance visible(long instanceId, Person me) {
        FlowInstance instance = em.find(FlowInstance.class, instanceId);
        if (instance == null) {
            throw new EJBAccessException(me.getLogin() + " asked for instance " + instanceId + ", which does not exist");
        }
        requireVisible(instance, me);
        return instance;
    }

    /**
     * A file named by a field of an instance the caller may see, and not hidden from their nodes (S4: downloads are
     * controlled and recorded in the audit trail).
     *
     * @throws DomainException {@code flow.noSuchFile} when the instance's visible fields do not name the file
     */
    public StoredFile attachment(long instanceId, String uid) {
        Person me = directory.me();
        FlowInstance instance = visible(instanceId, me);
        if (!instance.attachmentsFor(me).contains(uid)) { // the rule the sight applies, without building it
            throw new DomainException("flow.noSuchFile");
        }
        StoredFile file = em.createNamedQuery(StoredFile.BY_UID, StoredFile.class).setParameter("uid", uid)
                .getResultStream().findFirst().orElseThrow(() -> new DomainException("flow.noSuchFile"));
        audit.record(AuditEvent.FILE_DOWNLOAD, AuditOutcome.SUCCESS, me.getLogin(), null,
                file.getName() + " sha256=" + file.getSha256() + " of flow " + instance.getUid());
        return file;
    }

    public List<FlowAction> trail(long instanceId) {
        return trail.actions(visible(instanceId, directory.me()));
    }

    public TrailCheck verify(long instanceId) {
        return trail.verify(visible(instanceId, directory.me()));
    }

    public String exportTrail(long instanceId) {
        return trail.export(visible(instanceId, directory.me()));
    }

    /**
     * The printable approval sheet (B3) of an instance the caller may see, with the trail verified now, in the caller's
     * language.
     *
     * @throws DomainException {@code flow.sheet.noFont} when the server has no CJK font
     */
    public byte[] approvalSheet(long instanceId, Locale locale) {
        Person me = directory.me();
        InstanceSight sight = sightOf(visible(instanceId, me), me);
        Map<String, FileInfo> attached = new HashMap<>();
        sight.files().forEach(file -> attached.put(file.uid(), file));
        Function<String, String> personName = login -> Person.byLogin(em, login)
                .map(p -> p.getFullName() + " (" + login + ")").orElse(login);
        ValueText values = new ValueText(locale, personName,
                code -> directory.unitByCode(code).map(u -> u.name(locale)).orElse(code),
                uid -> Optional.ofNullable(attached.get(uid))
                        .map(file -> file.name() + " (SHA-256 " + file.sha256().substring(0, 16) + "…)").orElse(uid));
        return ApprovalSheet.render(sight, trail.keyId(), locale, values, personName, clock.now());
    }

    public String trailKey() {
        return trail.publicKeyPem();
    }

    /** My to-dos (待办), oldest first (A2). */
    public List<ListedTask> todos() {
        return tasks(FlowTask.OPEN_OF, TaskKind.APPROVAL);
    }

    /** What I have handled (已办), newest first. */
    public List<ListedTask> done() {
        return tasks(FlowTask.DONE_BY, TaskKind.APPROVAL);
    }

    /** Copies for me to read (待阅). */
    public List<ListedTask> copiesToRead() {
        return tasks(FlowTask.OPEN_OF, TaskKind.COPY);
    }

    /** Copies I have read (已阅). */
    public List<ListedTask> copiesRead() {
        return tasks(FlowTask.DONE_BY, TaskKind.COPY);
    }

    /** The instances I started, newest first. */
    public List<ListedInstance> mine() {
        return em.createNamedQuery(FlowInstance.OF_INITIATOR, FlowInstance.class)
                .setParameter("person", directory.me().getId()).setMaxResults(LIST_LIMIT).getResultStream()
                .map(ListedInstance::of).toList();
    }

    /**
     * The open to-dos of a person, for the administrator who keeps the account to see what a deactivated account still
     * holds (O2.6; the security administrator for the three administrators' accounts, 三员).
     */
    @RolesAllowed({"SYS_ADMIN", "SECURITY_ADMIN"})
    public List<ListedTask> openTasksOf(String login) {
        Instant now = clock.now();
        return Person.byLogin(em, login == null ? "" : login).map(p -> em.createNamedQuery(FlowTask.OPEN_OF,
                FlowTask.class).setParameter("person", p.getId()).setParameter("kind", TaskKind.APPROVAL)
                .setMaxResults(LIST_LIMIT).getResultStream().map(t -> ListedTask.of(t, now)).toList())
                .orElse(List.of());
    }

    /**
     * Hands every open to-do of a deactivated account to an active person (O2.6), in one transaction: either all move
     * or, when one cannot (the new person already handles that step), none does and the flow is named. Each move is
     * recorded in its instance's signed trail with the administrator and the reason, and in the audit trail.
     * Whoever keeps the account hands its to-dos over ({@link AccountKeeper}, 三员; S2, S3): the system administrator an
     * ordinary person's, the security administrator an administrator's; and nobody to themselves, who would then
     * approve in another's place. Those refusals are audited.
     *
     * @return how many to-dos moved
     * @throws DomainException {@code account.keptBySecurityAdmin}, {@code account.keptBySystemAdmin},
     *                         {@code flow.reassignToSelf}, {@code flow.reassignActive}, {@code flow.unknownPerson} …
     */
    @RolesAllowed({"SYS_ADMIN", "SECURITY_ADMIN"})
    public int reassignOpenTasks(String fromLogin, String toLogin, String reason) {
        Person from = Person.byLogin(em, fromLogin == null ? "" : fromLogin)
                .orElseThrow(() -> new DomainException("flow.unknownPerson", fromLogin));
        Person me = directory.me();
        AccountKeeper.refusal(me.getLogin(), me::hasRole, from)
                .ifPresent(refusal -> refuseReassignment(me, from.getLogin() + ": " + refusal, refusal));
        if (from.isActive()) {
            throw new DomainException("flow.reassignActive", from.getFullName());
        }
        Person to = activePerson(toLogin);
        if (to.getId().equals(me.getId())) {
            refuseReassignment(me, from.getLogin() + " -> " + to.getLogin() + ": flow.reassignToSelf",
                    "flow.reassignToSelf");
        }
        List<Long> taskIds = em.createNamedQuery(FlowTask.OPEN_OF, FlowTask.class).setParameter("person", from.getId())
                .setParameter("kind", TaskKind.APPROVAL).getResultList().stream().map(FlowTask::getId).toList();
        for (long taskId : taskIds) {
            FlowInstance instance = em.createNamedQuery(FlowInstance.LOCKED_BY_TASK, FlowInstance.class)
                    .setParameter("task", taskId).getSingleResult();
            FlowDirectory.requireParticipant(em, instance.getDesign(), to); // O1.4: core flows stay with their list
            try {
                instance.reassign(instance.task(taskId).orElseThrow(), me, Assignee.of(to), reason,
                        context(instance));
            } catch (DomainException refused) {
                if (!"flow.alreadyHandler".equals(refused.messageKey())) {
                    throw refused;
                }
                throw new DomainException("flow.reassignRefused", instance.getTitle(), to.getFullName());
            }
            trail.seal(instance);
        }
        audit.record(AuditEvent.FLOW_REASSIGN, AuditOutcome.SUCCESS, me.getLogin(), null,
                taskIds.size() + " to-dos " + from.getLogin() + " -> " + to.getLogin() + ": " + reason);
        return taskIds.size();
    }

    private void refuseReassignment(Person me, String detail, String messageKey) {
        audit.record(AuditEvent.FLOW_REASSIGN, AuditOutcome.DENIED, me.getLogin(), null, detail);
        throw new DomainException(messageKey);
    }

    public FlowCounts counts() {
        Long me = directory.me().getId();
        return new FlowCounts(
                em.createNamedQuery(FlowTask.COUNT_OPEN, Long.class).setParameter("person", me)
                        .setParameter("kind", TaskKind.APPROVAL).getSingleResult(),
                em.createNamedQuery(FlowTask.COUNT_OVERDUE_OF, Long.class).setParameter("person", me)
                        .setParameter("now", clock.now()).getSingleResult(),
                em.createNamedQuery(FlowTask.COUNT_OPEN, Long.class).setParameter("person", me)
                        .setParameter("kind", TaskKind.COPY).getSingleResult(),
                em.createNamedQuery(FlowInstance.COUNT_RUNNING_OF, Long.class).setParameter("person", me)
                        .getSingleResult());
    }

    private List<ListedTask> tasks(String query, TaskKind kind) {
        Instant now = clock.now();
        return em.createNamedQuery(query, FlowTask.class).setParameter("person", directory.me().getId())
                .setParameter("kind", kind).setMaxResults(LIST_LIMIT).getResultStream()
                .map(t -> ListedTask.of(t, now)).toList();
    }

    // ---- helpers

    private void requireVisible(FlowInstance instance, Person me) {
        // involvement first: it is known from the instance, the roles would be read for it
        if (!instance.involves(me) && !(instance.getDesign().isCore() && me.hasRole(Role.SUPERVISOR))) {
            throw new EJBAccessException(me.getLogin() + " takes no part in instance " + instance.getId());
        }
    }

    private FlowInstance locked(long instanceId, Person me) {
        FlowInstance instance = em.createNamedQuery(FlowInstance.LOCKED, FlowInstance.class)
                .setParameter("id", instanceId).getResultStream().findFirst()
                .orElseThrow(() -> new DomainException("flow.noSuchInstance"));
        requireVisible(instance, me);
        return instance;
    }

    private FlowInstance lockedByTask(long taskId, Person me) {
        FlowInstance instance = em.createNamedQuery(FlowInstance.LOCKED_BY_TASK, FlowInstance.class)
                .setParameter("task", taskId).getResultStream().findFirst()
                .orElseThrow(() -> new DomainException("flow.noSuchInstance"));
        requireVisible(instance, me);
        if (instance.getStatus() == InstanceStatus.DRAFT) {
            throw new DomainException("flow.taskClosed");
        }
        return instance;
    }

    /**
     * The values if they are valid. A file may be named by an attachment field when the form already named it or the
     * acting person uploaded it (S1: nobody attaches someone else's upload by guessing its id).
     */
    /**
     * The initiator's values, checked against the form without the fields handlers fill in (A1): those keep what the
     * handlers entered, whatever the request says, and are not required of the initiator.
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

    private FlowContext context(FlowInstance instance) {
        return FlowDirectory.contextFor(em, instance, clock.now(), calendar.calendar());
    }
}
