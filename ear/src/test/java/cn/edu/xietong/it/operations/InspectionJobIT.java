package cn.edu.xietong.it.operations;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.documents.Access;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.Grantee;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.documents.Library;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.design.CoreParticipant;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.inspection.ConfidentialityInspection;
import cn.edu.xietong.inspection.FindingKind;
import cn.edu.xietong.inspection.InspectionReports;
import cn.edu.xietong.inspection.InspectionScope;
import cn.edu.xietong.it.support.AsBatchOperator;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.InspectionData;
import cn.edu.xietong.it.support.Jobs;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.notices.PublishingRights;
import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.JobProgress;
import cn.edu.xietong.operations.JobRun;
import cn.edu.xietong.operations.ReportLine;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O1.7 (with S2, S3, S4, O1.4, O2.7): the confidentiality inspection job plants nothing and finds everything — a
 * problem of every kind is planted and found with the link to its object, clean objects next to them are not
 * reported, the supervising office is notified, the jobs page's progress is complete, and only the supervising office
 * and the batch operators read the report.
 */
@ExtendWith(ArquillianExtension.class)
class InspectionJobIT {

    private static final String PASSWORD = "Inspect#2026x";

    @EJB
    private TestData data;

    @EJB
    private InspectionData plant;

    @EJB
    private BatchJobs jobs;

    @EJB
    private AsBatchOperator operator;

    @EJB
    private InspectionReports reports;

    @EJB
    private ConfidentialityInspection inspection;

    @EJB
    private Libraries libraries;

    @EJB
    private Documents documents;

    @EJB
    private PublishingRights publishing;

    @EJB
    private FlowDesigns designs;

    @EJB
    private FlowCommands commands;

    @EJB
    private ModuleRights modules;

    @EJB
    private Notifications notifications;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private long run() throws Exception {
        long executionId = operator.call(() -> jobs.start(BatchJob.INSPECTION));
        assertEquals(BatchStatus.COMPLETED, Jobs.awaitEnd(executionId, Duration.ofSeconds(180)).getBatchStatus());
        return BatchRuntime.getJobOperator().getJobInstance(executionId).getInstanceId();
    }

    private long upload(Person who, long library, Long folder, Level level, Long owner) throws Exception {
        String name = "检查-" + UUID.randomUUID().toString().substring(0, 8) + ".txt";
        return AsPerson.call(who, () -> documents.upload(library, folder, name,
                new ByteArrayInputStream(("内容 " + name).getBytes(StandardCharsets.UTF_8)), level, owner));
    }

    private static Map<FindingKind, List<ReportLine>> byKind(InspectionReports.Report report) {
        return report.groups().stream().collect(Collectors.toMap(InspectionReports.Group::kind,
                InspectionReports.Group::lines));
    }

    /** The lines of that kind whose link is exactly {@code link}. */
    private static List<ReportLine> at(Map<FindingKind, List<ReportLine>> found, FindingKind kind, String link) {
        return found.getOrDefault(kind, List.of()).stream().filter(l -> link.equals(l.link())).toList();
    }

    private static boolean anyLineMentions(Map<FindingKind, List<ReportLine>> found, String text) {
        return found.values().stream().flatMap(List::stream)
                .anyMatch(l -> l.subject().contains(text) || (l.link() != null && l.link().contains(text)));
    }

    private static String doc(long id) {
        return "/documents/document.xhtml?id=" + id;
    }

    private static String account(Person p) {
        return "/admin/account.xhtml?login=" + p.getLogin();
    }

    @Test
    void everyKindOfProblemIsFoundWithItsLinkAndCleanObjectsAreNot() throws Exception {
        Unit a = data.unit();
        Unit aSub = data.subUnit(a);
        Unit b = data.unit();
        Unit c = data.unit();
        Person itA = data.personIn(a, PASSWORD, cheap, Role.UNIT_IT);
        Person staffB = data.personIn(b, PASSWORD, cheap);
        Person admin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        long libA = AsPerson.call(itA, () -> libraries.myUnitLibrary());

        // S4: controlled documents granted to another unit (on the document, and through a folder), to a role, and
        // in the public library; a controlled one shared with its own sub-office and one person, and an internal one
        // granted to another unit, are within their level.
        long toOtherUnit = upload(itA, libA, null, Level.CONTROLLED, null);
        AsPerson.call(itA, () -> libraries.grant(libA, null, toOtherUnit, Grantee.UNIT, b.getId(), null, null,
                Access.READ));
        long folder = AsPerson.call(itA, () -> libraries.createFolder(libA, null, "对外 " + UUID.randomUUID()));
        AsPerson.call(itA, () -> libraries.grant(libA, folder, null, Grantee.UNIT, b.getId(), null, null,
                Access.READ));
        long throughFolder = upload(itA, libA, folder, Level.CONTROLLED, null);
        long toRole = upload(itA, libA, null, Level.CONTROLLED, null);
        AsPerson.call(itA, () -> libraries.grant(libA, null, toRole, Grantee.ROLE, null, "UNIT_LEADER", null,
                Access.READ));
        long clean = upload(itA, libA, null, Level.CONTROLLED, null);
        AsPerson.call(itA, () -> libraries.grant(libA, null, clean, Grantee.UNIT, aSub.getId(), null, null,
                Access.READ));
        AsPerson.call(itA, () -> libraries.grant(libA, null, clean, Grantee.PERSON, null, null, staffB.getLogin(),
                Access.READ));
        long internal = upload(itA, libA, null, Level.INTERNAL, null);
        AsPerson.call(itA, () -> libraries.grant(libA, null, internal, Grantee.UNIT, b.getId(), null, null,
                Access.READ));
        long inPublic = upload(admin, Library.PUBLIC_ID, null, Level.CONTROLLED, a.getId());
        long ownerless = upload(admin, Library.PUBLIC_ID, null, Level.INTERNAL, a.getId());
        plant.removeOwner(ownerless);

        // S3: a deactivated person with a role, a document right, a publishing right and a place on a core flow's
        // list; an active person reported as a leaver who still holds a role.
        Person left = data.personIn(a, PASSWORD, cheap, Role.UNIT_LEADER);
        AsPerson.call(itA, () -> libraries.grant(libA, null, internal, Grantee.PERSON, null, null, left.getLogin(),
                Access.WRITE));
        long category = AsPerson.call(admin, () -> publishing.categories()).get(0).id();
        AsPerson.run(admin, () -> publishing.grant(left.getLogin(), a.getId(), category));
        AsPerson.run(supervisor, () -> designs.addParticipant("expense", left.getLogin()));
        data.deactivate(left);
        Person reported = data.personIn(b, PASSWORD, cheap, Role.UNIT_IT);
        plant.reportLeaver(reported);

        // S2: privileged accounts without a second factor, and with an expired password (but a second factor); a
        // privileged account with both in order.
        Person noFactor = data.personIn(b, PASSWORD, cheap, Role.BATCH_OPERATOR);
        Person expired = data.personIn(b, PASSWORD, cheap, Role.AUDIT_ADMIN);
        plant.enrolSecondFactor(expired);
        data.agePassword(expired, 400);
        Person inOrder = data.personIn(b, PASSWORD, cheap, Role.UNIT_LEADER);
        plant.enrolSecondFactor(inOrder);

        // O1.4: a core flow whose to-do is held by someone taken off its list after it arrived.
        Person staffC = data.personIn(c, PASSWORD, cheap);
        Person leaderC = data.personIn(c, PASSWORD, cheap, Role.UNIT_LEADER);
        for (Person p : List.of(staffC, leaderC)) {
            AsPerson.run(supervisor, () -> designs.addParticipant("expense", p.getLogin()));
        }
        long expense = data.publishedDesign("expense");
        FormValues claim = FormValues.of(Map.of("purpose", "参加学术会议", "project", "科研经费",
                "items", List.of(Map.of("item", "注册费", "date", "2026-11-20", "amount", "1200"))));
        FlowInstance flow = AsPerson.call(staffC, () -> commands.start(expense, "检查用报销", claim, Map.of()));
        long place = AsPerson.call(supervisor, () -> designs.participants("expense")).stream()
                .filter(p -> p.getPerson().getLogin().equals(leaderC.getLogin())).map(CoreParticipant::getId)
                .findFirst().orElseThrow();
        AsPerson.run(supervisor, () -> designs.removeParticipant(place));

        // O2.7: the first run sees units a and b; then a's modules change, b's do not.
        long first = run();
        Person sysAdmin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        AsPerson.run(sysAdmin, () -> modules.allow(a.getId(), EnumSet.of(Module.FLOWS, Module.MAIL)));
        long second = run();

        Map<FindingKind, List<ReportLine>> firstFound = byKind(AsPerson.call(supervisor,
                () -> reports.report(first)).orElseThrow());
        assertTrue(at(firstFound, FindingKind.MODULE_RIGHTS_CHANGED, "/admin/modules.xhtml").stream()
                .noneMatch(l -> l.subject().startsWith(a.getCode() + " ")), "a unit first seen is only recorded");

        InspectionReports.Report report = AsPerson.call(supervisor, () -> reports.report(second)).orElseThrow();
        Map<FindingKind, List<ReportLine>> found = byKind(report);

        ReportLine otherUnit = at(found, FindingKind.CONTROLLED_OTHER_UNIT, doc(toOtherUnit)).get(0);
        assertTrue(otherUnit.subject().endsWith("→ " + b.getCode()), otherUnit.subject());
        assertEquals(1, at(found, FindingKind.CONTROLLED_OTHER_UNIT, doc(throughFolder)).size(),
                "a grant on a folder above the document counts");
        assertTrue(at(found, FindingKind.CONTROLLED_ROLE, doc(toRole)).get(0).subject().endsWith("→ UNIT_LEADER"));
        assertEquals(1, at(found, FindingKind.CONTROLLED_PUBLIC, doc(inPublic)).size());
        assertEquals(1, at(found, FindingKind.DOCUMENT_NO_OWNER, doc(ownerless)).size());
        assertTrue(at(found, FindingKind.DOCUMENT_NO_OWNER, doc(inPublic)).isEmpty(), "it has its owner");
        assertFalse(anyLineMentions(found, doc(clean)), "own sub-office and one person are within the level");
        assertTrue(at(found, FindingKind.CONTROLLED_OTHER_UNIT, doc(internal)).isEmpty(), "internal may go wide");

        String roles = "/security/roles.xhtml?login=";
        assertTrue(at(found, FindingKind.LEAVER_ROLE, roles + left.getLogin()).get(0).subject()
                .contains("UNIT_LEADER@" + a.getCode()));
        assertTrue(at(found, FindingKind.LEAVER_DOCUMENT_RIGHT, doc(internal)).get(0).subject()
                .contains(left.getLogin()));
        assertTrue(found.get(FindingKind.LEAVER_PUBLISHING_RIGHT).stream().anyMatch(l -> l.subject()
                .contains(left.getLogin()) && "/notices/rights.xhtml".equals(l.link())));
        assertTrue(found.get(FindingKind.LEAVER_CORE_LIST).stream().anyMatch(l -> l.subject()
                .contains(left.getLogin() + ", ") && l.subject().endsWith(": expense")
                && "/oversight/core-flows.xhtml".equals(l.link())));
        assertEquals(1, at(found, FindingKind.LEAVER_ROLE, roles + reported.getLogin()).size(),
                "a reported leaver counts as left");

        assertEquals(1, at(found, FindingKind.PRIVILEGED_NO_SECOND_FACTOR, account(noFactor)).size());
        assertTrue(at(found, FindingKind.PRIVILEGED_PASSWORD_EXPIRED, account(noFactor)).isEmpty());
        assertEquals(1, at(found, FindingKind.PRIVILEGED_PASSWORD_EXPIRED, account(expired)).size());
        assertTrue(at(found, FindingKind.PRIVILEGED_NO_SECOND_FACTOR, account(expired)).isEmpty());
        assertFalse(anyLineMentions(found, inOrder.getLogin()), "a privileged account in order is clean");
        assertTrue(at(found, FindingKind.PRIVILEGED_NO_SECOND_FACTOR, account(left)).isEmpty(),
                "a deactivated account cannot log in: only what it still holds is reported");

        List<ReportLine> core = at(found, FindingKind.CORE_NOT_LISTED, "/flow/instance.xhtml?id=" + flow.getId());
        assertEquals(1, core.size(), "only the holder taken off the list, not the listed initiator: " + core);
        assertTrue(core.get(0).subject().contains(leaderC.getLogin()), core.get(0).subject());

        List<ReportLine> moduleLines = found.get(FindingKind.MODULE_RIGHTS_CHANGED).stream()
                .filter(l -> l.subject().startsWith(a.getCode() + " ") || l.subject().startsWith(b.getCode() + " "))
                .toList();
        assertEquals(1, moduleLines.size(), moduleLines.toString());
        assertTrue(moduleLines.get(0).subject().startsWith(a.getCode() + " "));
        assertTrue(moduleLines.get(0).subject().endsWith("→ FLOWS,MAIL"), moduleLines.get(0).subject());
        assertEquals("/admin/modules.xhtml", moduleLines.get(0).link());

        assertEquals(EnumSet.allOf(FindingKind.class), found.keySet(), "every kind is planted and found");

        // The supervising office is told, with a link to the run; the trend holds both runs; the export has the lines.
        List<ListedNotification> told = AsPerson.call(supervisor, () -> notifications.mine()).stream()
                .filter(n -> ConfidentialityInspection.NOTIFICATION_KIND.equals(n.kind())).toList();
        assertTrue(told.stream().anyMatch(n -> n.objectId() == second), told.toString());
        List<InspectionReports.TrendRow> trend = AsPerson.call(supervisor, () -> reports.trend());
        assertEquals(second, trend.get(0).instanceId(), "newest run first");
        assertEquals(report.findings(), trend.get(0).total());
        assertEquals(found.get(FindingKind.CONTROLLED_ROLE).size(), trend.get(0).of(FindingKind.CONTROLLED_ROLE));
        assertTrue(trend.stream().anyMatch(t -> t.instanceId() == first));
        String csv = AsPerson.call(supervisor, () -> reports.csv(second, FindingKind::key, "kind", "subject",
                "link", "amount"));
        assertTrue(csv.contains("inspection.coreNotListed") && csv.contains(doc(toRole)), csv.substring(0, 200));

        // The jobs page's progress counts every object of the run, as the run's report recorded them at its start
        // (the "found" line every job's progress reads); the closing step counts only the findings.
        JobRun last = operator.call(() -> jobs.history(BatchJob.INSPECTION, 5)).get(0);
        assertEquals(second, last.instanceId());
        JobProgress progress = operator.call(() -> jobs.progress(last)).orElseThrow();
        long objects = 0;
        for (InspectionScope scope : InspectionScope.values()) {
            objects += operator.call(() -> inspection.ids(scope, 0L)).size();
        }
        assertEquals(objects, progress.total(), progress.toString());
        assertEquals(100, progress.percent(), progress.toString());
        String closed = BatchRuntime.getJobOperator().getStepExecutions(last.executionId()).stream()
                .filter(s -> s.getStepName().equals("close")).findFirst().orElseThrow().getExitStatus();
        assertEquals(report.findings() + " findings", closed);
    }

    @Test
    void onlyTheSupervisingOfficeAndBatchOperatorsReadTheReportAndOnlyOperatorsRunIt() throws Exception {
        Person staff = data.personIn(data.unit(), PASSWORD, cheap);
        Person admin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        for (Person refused : List.of(staff, admin)) {
            assertThrows(EJBAccessException.class, () -> AsPerson.call(refused, () -> reports.trend()));
            assertThrows(EJBAccessException.class, () -> AsPerson.call(refused, () -> reports.newest()));
        }
        assertThrows(EJBAccessException.class, () -> AsPerson.call(supervisor,
                () -> inspection.ids(InspectionScope.PEOPLE, 0L)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(supervisor, () -> jobs.start(BatchJob.INSPECTION)));
        AsPerson.call(supervisor, () -> reports.trend());
        operator.call(() -> reports.trend());
    }
}
