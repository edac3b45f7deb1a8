package cn.edu.xietong.inspection;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.RoleGrant;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.documents.Document;
import cn.edu.xietong.documents.DocumentGrant;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.documents.Library;
import cn.edu.xietong.flow.design.CoreParticipant;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.notices.PublishingRight;
import cn.edu.xietong.notification.Notification;
import cn.edu.xietong.notification.NotificationText;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.JobReport;
import cn.edu.xietong.operations.JobReports;
import cn.edu.xietong.operations.ReportLine;
import cn.edu.xietong.operations.ReportedJob;
import cn.edu.xietong.security.Credential;
import cn.edu.xietong.security.MembershipReview;
import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.security.SecondFactor;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The confidentiality inspection's rules (O1.7), applied object by object for the steps of the batch job
 * {@code confidentiality-inspection}; each method runs in the chunk's transaction, so the lines of an object and
 * the snapshot of a unit's modules are written together, once, even when a run is restarted from its checkpoint.
 * What is found (see {@link FindingKind}):
 * <ul>
 *     <li>documents: a controlled document that reaches further than its level allows ({@link ControlledReach}); a
 *     public-library document without its owning department (E2);
 *     <li>people who left — deactivated, or reported as leavers by their unit's IT staff (O3.2) — who still hold a role
 *     beyond STAFF, a right on a library, folder or document, a publishing right, or a place on a core flow's list.
 *     (Module rights are given to units, not people, O2.7: a leaver holds none.) Active privileged accounts
 *     ({@link PasswordPolicy#PRIVILEGED}: the administrators, unit IT staff, leaders, the supervising office and batch
 *     operators) without an enrolled second factor, or whose password has expired (S2);
 *     <li>running core flows: the initiator or the holder of a live to-do who is not on the flow's list of
 *     participants, which the supervising office keeps (O1.4: {@link CoreParticipant});
 *     <li>top-level units whose modules differ from what the previous inspection saw ({@link ModuleSnapshot}); a
 *     unit seen for the first time is only recorded.
 * </ul>
 */
@Stateless
@LocalBean
@Local(ReportedJob.class)
@RolesAllowed("BATCH_OPERATOR")
public class ConfidentialityInspection implements ReportedJob {

    /** The job's name. */
    public static final String JOB = BatchJob.INSPECTION.xmlName();
    /** The notification's kind: the supervising office is told a run has finished. */
    public static final String NOTIFICATION_KIND = "INSPECTION";

    private static final int MAX_SUBJECT = 500;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private JobReports reports;

    @EJB
    private Libraries libraries;

    @EJB
    private Notifications notifications;

    @EJB
    private OfficeClock clock;

    /**
     * Opens the run's report with the number of objects its steps will go through ({@link JobReports#FOUND}: the total
     * of the run's progress on the jobs page); a restarted run finds both.
     */
    @Override
    public void begin(long instanceId, String startedBy) {
        if (reports.report(instanceId).isPresent()) {
            return;
        }
        reports.open(JOB, instanceId, startedBy);
        long items = 0;
        for (InspectionScope scope : InspectionScope.values()) {
            items += ids(scope, 0L).size();
        }
        reports.add(instanceId, List.of(ReportLine.count(JobReports.FOUND, "objects to inspect", items, 0)));
    }

    /** The ids a step goes through, in order, after the last one it has done. */
    public List<Long> ids(InspectionScope scope, long after) {
        String query = switch (scope) {
            case DOCUMENTS -> ModuleSnapshot.DOCUMENT_IDS;
            case PEOPLE -> ModuleSnapshot.PERSON_IDS;
            case CORE_FLOWS -> ModuleSnapshot.CORE_INSTANCE_IDS;
            case UNITS -> ModuleSnapshot.TOP_UNIT_IDS;
        };
        return em.createNamedQuery(query, Long.class).setParameter("after", after).getResultList();
    }

    /** What the rules find about one object of the step's kind (empty when nothing). */
    public List<ReportLine> inspect(InspectionScope scope, long id, long instanceId) {
        return switch (scope) {
            case DOCUMENTS -> document(id);
            case PEOPLE -> person(id);
            case CORE_FLOWS -> coreFlow(id);
            case UNITS -> unitModules(id, instanceId);
        };
    }

    /** Adds a chunk's findings to the run's report. */
    public void record(long instanceId, Collection<ReportLine> lines) {
        reports.add(instanceId, lines);
    }

    /**
     * Ends the run's report and tells every active member of the supervising office, in one transaction: a
     * restarted last step finds the report ended and tells no one twice. Answers the number of findings
     * ("12 findings", for the admin console).
     */
    @Override
    public String finish(long instanceId, String startedBy) {
        return close(instanceId) + " findings";
    }

    @Override
    public String jobName() {
        return JOB;
    }

    private long close(long instanceId) {
        JobReport report = reports.report(instanceId).orElseThrow();
        long findings = reports.lines(instanceId).stream().filter(l -> FindingKind.byKey(l.kind()).isPresent()).count();
        if (report.isFinished()) {
            return findings;
        }
        reports.finish(instanceId);
        Instant now = clock.now();
        NotificationText text = NotificationText.key("notification.inspection.DONE", Long.toString(findings));
        for (Person supervisor : em.createNamedQuery(Person.BY_ROLE, Person.class)
                .setParameter("role", Role.SUPERVISOR).getResultList()) {
            if (supervisor.isActive()) {
                // The documents module stands for confidentiality (S4) in the bell; the link is by kind.
                notifications.post(new Notification(supervisor, Module.DOCUMENTS, instanceId, NOTIFICATION_KIND,
                        null, text, null, now));
            }
        }
        return findings;
    }

    private List<ReportLine> document(long id) {
        Document document = em.find(Document.class, id);
        if (document == null) {
            return List.of();
        }
        List<ReportLine> lines = new ArrayList<>();
        String link = "/documents/document.xhtml?id=" + id;
        Library library = document.getLibrary();
        Unit owner = library.isPublic() ? document.getOwnerUnit() : library.getUnit();
        if (library.isPublic() && document.getOwnerUnit() == null) {
            lines.add(ReportLine.finding(FindingKind.DOCUMENT_NO_OWNER.key(), subject(document.getTitle()), link));
        }
        ControlledReach reach = ControlledReach.of(document.getLevel(), libraries.readers(id),
                unitId -> owner != null && within(em.find(Unit.class, unitId), owner));
        for (FindingKind kind : reach.findings()) {
            String whom = switch (kind) {
                case CONTROLLED_OTHER_UNIT -> reach.otherUnits().stream().map(u -> em.find(Unit.class, u))
                        .filter(Objects::nonNull).map(Unit::getCode).sorted().collect(Collectors.joining(", "));
                case CONTROLLED_ROLE -> String.join(", ", reach.roles());
                default -> null;
            };
            String where = owner == null ? "" : " (" + owner.getCode() + ")";
            lines.add(ReportLine.finding(kind.key(), subject(document.getTitle() + where
                    + (whom == null ? "" : " → " + whom)), link));
        }
        return lines;
    }

    private static boolean within(Unit unit, Unit owner) {
        for (Unit u = unit; u != null; u = u.getParent()) {
            if (u.getId().equals(owner.getId())) {
                return true;
            }
        }
        return false;
    }

    private List<ReportLine> person(long id) {
        Person person = em.find(Person.class, id);
        if (person == null) {
            return List.of();
        }
        List<ReportLine> lines = new ArrayList<>();
        String who = person.getFullName() + " (" + person.getLogin() + ", " + person.getUnit().getCode() + ")";
        boolean left = !person.isActive() || MembershipReview.current(em, person).isLeaverReported();
        if (left) {
            Set<String> roles = new LinkedHashSet<>();
            for (RoleGrant grant : person.getRoles()) {
                if (grant.getRole() != Role.STAFF) {
                    String scope = grant.getScope() == null ? "" : "@" + grant.getScope().getCode();
                    roles.add(grant.getRole().name() + scope);
                }
            }
            if (!roles.isEmpty()) {
                lines.add(ReportLine.finding(FindingKind.LEAVER_ROLE.key(),
                        subject(who + ": " + roles.stream().sorted().collect(Collectors.joining(", "))),
                        "/security/roles.xhtml?login=" + person.getLogin()));
            }
            for (DocumentGrant grant : em.createNamedQuery(ModuleSnapshot.GRANTS_OF_PERSON, DocumentGrant.class)
                    .setParameter("person", id).getResultList()) {
                lines.add(ReportLine.finding(FindingKind.LEAVER_DOCUMENT_RIGHT.key(),
                        subject(who + ": " + grant.getAccess() + " → " + target(grant)), link(grant)));
            }
            for (PublishingRight right : em.createNamedQuery(PublishingRight.OF_PERSON, PublishingRight.class)
                    .setParameter("person", id).getResultList()) {
                lines.add(ReportLine.finding(FindingKind.LEAVER_PUBLISHING_RIGHT.key(), subject(who + ": "
                        + right.getUnit().getCode() + " / " + right.getCategory().getCode()), "/notices/rights.xhtml"));
            }
            for (CoreParticipant place : em.createNamedQuery(ModuleSnapshot.CORE_PLACES_OF_PERSON,
                    CoreParticipant.class).setParameter("person", id).getResultList()) {
                lines.add(ReportLine.finding(FindingKind.LEAVER_CORE_LIST.key(),
                        subject(who + ": " + place.getDesignCode()), "/oversight/core-flows.xhtml"));
            }
        }
        if (person.isActive() && PasswordPolicy.privileged(person)) {
            String account = "/admin/account.xhtml?login=" + person.getLogin();
            SecondFactor factor = em.find(SecondFactor.class, id);
            if (factor == null || !factor.isEnrolled()) {
                lines.add(ReportLine.finding(FindingKind.PRIVILEGED_NO_SECOND_FACTOR.key(), subject(who), account));
            }
            PasswordPolicy policy = em.find(PasswordPolicy.class, PasswordPolicy.ID);
            Credential credential = em.find(Credential.class, id);
            if (policy != null && credential != null && policy.expired(credential, clock.now())) {
                lines.add(ReportLine.finding(FindingKind.PRIVILEGED_PASSWORD_EXPIRED.key(), subject(who), account));
            }
        }
        return lines;
    }

    private static String target(DocumentGrant grant) {
        if (grant.getDocument() != null) {
            return grant.getDocument().getTitle();
        }
        String library = grant.getLibrary().isPublic() ? "PUBLIC" : grant.getLibrary().getUnit().getCode();
        return grant.getFolder() != null ? library + " / " + grant.getFolder().getName() : library;
    }

    private static String link(DocumentGrant grant) {
        if (grant.getDocument() != null) {
            return "/documents/document.xhtml?id=" + grant.getDocument().getId();
        }
        String library = "/documents/library.xhtml?library=" + grant.getLibrary().getId();
        return grant.getFolder() != null ? library + "&folder=" + grant.getFolder().getId() : library;
    }

    private List<ReportLine> coreFlow(long id) {
        FlowInstance instance = em.find(FlowInstance.class, id);
        if (instance == null || !instance.getDesign().isCore()) {
            return List.of();
        }
        Set<String> listed = em.createNamedQuery(CoreParticipant.OF_CODE, CoreParticipant.class)
                .setParameter("code", instance.getDesign().getCode()).getResultStream()
                .map(c -> c.getPerson().getLogin()).collect(Collectors.toSet());
        Set<Person> outside = new LinkedHashSet<>();
        if (!listed.contains(instance.getInitiator().getLogin())) {
            outside.add(instance.getInitiator());
        }
        for (FlowTask task : instance.liveTasks()) {
            if (!listed.contains(task.getAssignee().getLogin())) {
                outside.add(task.getAssignee());
            }
        }
        return outside.stream().map(p -> ReportLine.finding(FindingKind.CORE_NOT_LISTED.key(),
                subject(instance.getTitle() + " [" + instance.getDesign().getCode() + "]: " + p.getFullName() + " ("
                        + p.getLogin() + ", " + p.getUnit().getCode() + ")"), "/flow/instance.xhtml?id=" + id))
                .toList();
    }

    private List<ReportLine> unitModules(long id, long instanceId) {
        Unit unit = em.find(Unit.class, id);
        if (unit == null || unit.getParent() != null) {
            return List.of();
        }
        Set<Module> now = unit.usableModules();
        ModuleSnapshot seen = em.find(ModuleSnapshot.class, id);
        if (seen == null) {
            em.persist(new ModuleSnapshot(id, now, clock.now(), instanceId));
            return List.of();
        }
        if (seen.jobInstanceId() == instanceId) {
            return List.of(); // already inspected by this run before a restart
        }
        Set<Module> before = seen.modules();
        seen.see(now, clock.now(), instanceId);
        if (before.equals(now)) {
            return List.of();
        }
        return List.of(ReportLine.finding(FindingKind.MODULE_RIGHTS_CHANGED.key(), subject(unit.getCode() + " "
                + unit.getNameZh() + ": " + dash(ModuleSnapshot.text(before)) + " → " + dash(ModuleSnapshot.text(now))),
                "/admin/modules.xhtml"));
    }

    private static String dash(String modules) {
        return modules.isEmpty() ? "—" : modules;
    }

    /** A subject as a report line takes it: at most its length, cut with an ellipsis (titles are at most 200). */
    private static String subject(String text) {
        return text.length() <= MAX_SUBJECT ? text : text.substring(0, MAX_SUBJECT - 1) + "…";
    }
}
