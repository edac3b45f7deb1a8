package cn.edu.xietong.it.flow;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.Delegations;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.Handover;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.Revision;
import cn.edu.xietong.flow.instance.Delegation;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.flow.trail.ActionKind;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The flow services in the server (A1–A3, B2, B3): a whole leave request with return and resubmission, rights of
 * other units, form validation, two people acting at once, deadlines over a holiday and a make-up work day, and the
 * signed trail that finds a tampered record.
 */
@ExtendWith(ArquillianExtension.class)
class RunningFlowsIT {

    private static final String PASSWORD = "Flows#2026x";
    private static final ZoneId CAMPUS = ZoneId.of("Asia/Shanghai");

    @EJB
    private FlowCommands commands;

    @EJB
    private Worklists worklists;

    @EJB
    private FlowRecords records;

    @EJB
    private Handover handover;

    @EJB
    private TestData data;

    @EJB
    private OfficeClock clock;

    @EJB
    private ModuleRights modules;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private Delegations delegations;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private record Team(Unit unit, Person staff, Person leader) {
    }

    private Team team() {
        Unit unit = data.unit();
        return new Team(unit, data.personIn(unit, PASSWORD, cheap), data.personIn(unit, PASSWORD, cheap,
                Role.UNIT_LEADER));
    }

    private static FormValues leave(String days) {
        return FormValues.of(Map.of("kind", "事假", "period", "2026-12-07/2026-12-11", "days", days,
                "reason", "家中有事"));
    }

    private FlowInstance start(Person staff, String days) throws Exception {
        long design = data.publishedDesign("leave");
        return AsPerson.call(staff, () -> commands.start(design, "请假" + days + "天", leave(days),
                Map.of("school", List.of("liming"))));
    }

    private long todoOf(Person person, FlowInstance instance) throws Exception {
        return AsPerson.call(person, () -> worklists.todos()).stream()
                .filter(t -> t.instance().id() == instance.getId()).map(ListedTask::id).findFirst()
                .orElseThrow(() -> new AssertionError(person.getLogin() + " has no to-do for " + instance.getId()));
    }

    /** A1: the approver's remark (审批备注) is the unit leader's to fill; the initiator can neither fill nor change it. */
    @Test
    void aFieldLeftToAHandlerIsNeitherFilledNorChangedByTheInitiator() throws Exception {
        Team team = team();
        Person liming = data.personByLogin("liming");
        long design = data.publishedDesign("leave");
        FormValues forged = FormValues.of(Map.of("kind", "事假", "period", "2026-12-07/2026-12-11", "days", "5",
                "reason", "家中有事", "remark", "已同意，无需审批"));
        FlowInstance instance = AsPerson.call(team.staff(), () -> commands.start(design, "请假5天", forged,
                Map.of("school", List.of("liming"))));
        assertTrue(AsPerson.call(team.staff(), () -> records.sight(instance.getId())).values().text("remark")
                .isEmpty(), "the initiator's value for the remark is not taken");

        long first = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(first, "同意", FormValues.of(Map.of("remark", "注意交接"))));
        long second = todoOf(liming, instance);
        AsPerson.call(liming, () -> commands.returnTo(second, "请补充事由", null));
        AsPerson.call(team.staff(), () -> commands.revise(instance.getId(), "请假5天", forged));
        assertEquals("注意交接", AsPerson.call(team.staff(), () -> records.revision(instance.getId())).values()
                .text("remark").orElseThrow(), "the leader's remark stands after the initiator's revision");
    }

    @Test
    void aLeaveRequestIsReturnedRevisedResubmittedAndApprovedByBothLeaders() throws Exception {
        Team team = team();
        Person liming = data.personByLogin("liming");
        FlowInstance instance = start(team.staff(), "5");
        long first = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.returnTo(first, "请写明代理人", null));
        Revision returned = AsPerson.call(team.staff(), () -> records.revision(instance.getId()));
        assertEquals(InstanceStatus.RETURNED, AsPerson.call(team.staff(), () -> records.sight(instance.getId()))
                .summary().status());
        assertEquals("请写明代理人", returned.returnReason());
        assertEquals(Map.of("school", List.of("liming")), returned.choices(), "the chosen school leader stays chosen");
        assertEquals(leave("5").text("reason"), returned.values().text("reason"), "the initiator revises the whole form");

        AsPerson.call(team.staff(), () -> commands.revise(instance.getId(), "请假5天（已补充）", leave("5")));
        AsPerson.call(team.staff(), () -> commands.submit(instance.getId(), Map.of("school", List.of("liming"))));
        long second = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(second, "同意", FormValues.of(Map.of("remark", "注意交接"))));
        long third = todoOf(liming, instance);
        FlowInstance done = AsPerson.call(liming, () -> commands.approve(third, "同意", null));
        assertEquals(InstanceStatus.APPROVED, done.getStatus());
        assertEquals("注意交接", done.values().text("remark").orElseThrow());

        List<FlowAction> trail = AsPerson.call(team.staff(), () -> records.trail(instance.getId()));
        assertEquals(List.of(ActionKind.SUBMIT, ActionKind.RETURN, ActionKind.RESUBMIT, ActionKind.APPROVE,
                ActionKind.APPROVE, ActionKind.COMPLETE), trail.stream().map(FlowAction::getKind).toList());
        assertTrue(trail.stream().allMatch(FlowAction::isSigned));
        assertTrue(AsPerson.call(team.staff(), () -> records.verify(instance.getId())).isIntact());
        assertTrue(AsPerson.call(team.leader(), () -> worklists.done()).stream()
                .anyMatch(t -> t.instance().id() == instance.getId()));
    }

    @Test
    void someoneOfAnotherUnitCanNeitherSeeNorActOnAnInstance() throws Exception {
        Team team = team();
        Team other = team();
        FlowInstance instance = start(team.staff(), "1");
        long task = todoOf(team.leader(), instance);
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.leader(), () -> records.sight(instance.getId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.leader(), () -> commands.approve(task, "同意", null)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other.staff(), () -> commands.withdraw(instance.getId(), null)));
        DomainException notTheirs = assertThrows(DomainException.class,
                () -> AsPerson.call(team.staff(), () -> commands.approve(task, "自己批", null)));
        assertEquals("flow.notYourTask", notTheirs.messageKey());
        assertEquals(InstanceStatus.RUNNING, AsPerson.call(team.staff(), () -> records.sight(instance.getId())).summary().status());
    }

    @Test
    void aBadFormIsRefusedFieldByFieldAndNothingIsSaved() throws Exception {
        Team team = team();
        long design = data.publishedDesign("leave");
        long before = data.count(FlowInstance.class);
        FormInvalidException refused = assertThrows(FormInvalidException.class, () -> AsPerson.call(team.staff(),
                () -> commands.start(design, "请假", FormValues.of(Map.of("kind", "旅游假", "days", "-1",
                        "period", "2026-12-09/2026-12-01", "deputy", "nobody-here")), Map.of())));
        assertEquals(List.of("kind:form.badChoice", "period:form.rangeBackwards", "days:form.belowMin",
                        "reason:form.required", "deputy:form.unknownPerson"),
                refused.fieldProblems().stream().map(p -> p.field() + ":" + p.messageKey()).toList());
        assertEquals(before, data.count(FlowInstance.class));
    }

    @Test
    void ofTwoApprovalsOfTheSameToDoAtOnceExactlyOneIsApplied() throws Exception {
        Team team = team();
        FlowInstance instance = start(team.staff(), "1");
        long task = todoOf(team.leader(), instance);
        Callable<String> approve = () -> {
            try {
                AsPerson.call(team.leader(), () -> commands.approve(task, "同意", null));
                return "ok";
            } catch (DomainException e) {
                return e.messageKey();
            }
        };
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<String>> both = pool.invokeAll(List.of(approve, approve));
            List<String> outcomes = List.of(both.get(0).get(), both.get(1).get());
            assertTrue(outcomes.contains("ok") && outcomes.contains("flow.taskClosed"), outcomes.toString());
        } finally {
            pool.shutdown();
        }
        List<FlowAction> trail = AsPerson.call(team.staff(), () -> records.trail(instance.getId()));
        assertEquals(1, trail.stream().filter(a -> a.getKind() == ActionKind.APPROVE).count());
        assertTrue(AsPerson.call(team.staff(), () -> records.verify(instance.getId())).isIntact());
    }

    @Test
    void aToDoIsDueOneWorkingDayLaterAcrossTheNationalDayHolidayAndOnAMakeUpSaturday() throws Exception {
        Team team = team();
        try {
            clock.moveTo(ZonedDateTime.of(2026, 9, 30, 10, 0, 0, 0, CAMPUS).toInstant());
            FlowInstance beforeHoliday = start(team.staff(), "1");
            assertEquals(ZonedDateTime.of(2026, 10, 8, 10, 0, 0, 0, CAMPUS).toInstant(),
                    dueOf(team.leader(), beforeHoliday));

            clock.moveTo(ZonedDateTime.of(2026, 10, 9, 15, 30, 0, 0, CAMPUS).toInstant());
            FlowInstance beforeMakeUpDay = start(team.staff(), "1");
            assertEquals(ZonedDateTime.of(2026, 10, 10, 15, 30, 0, 0, CAMPUS).toInstant(),
                    dueOf(team.leader(), beforeMakeUpDay), "Saturday 10 October is a make-up work day");

            clock.moveTo(ZonedDateTime.of(2026, 10, 12, 9, 0, 0, 0, CAMPUS).toInstant());
            assertEquals(2, AsPerson.call(team.leader(), () -> worklists.counts()).overdue());
        } finally {
            clock.reset();
        }
    }

    private Instant dueOf(Person handler, FlowInstance instance) throws Exception {
        return AsPerson.call(handler, () -> worklists.todos()).stream()
                .filter(t -> t.instance().id() == instance.getId()).findFirst().orElseThrow().dueAt()
                .truncatedTo(ChronoUnit.MINUTES);
    }

    @Test
    void theTrailReportsTheFirstEditedOrRemovedRecord() throws Exception {
        Team team = team();
        FlowInstance instance = start(team.staff(), "1");
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(task, "同意", null));
        assertEquals(1, data.tamperWithTrail(instance.getUid(), 2, "不同意"));
        assertEquals(new TrailCheck(3, 2, "altered"), AsPerson.call(team.staff(), () -> records.verify(instance.getId())));
        assertEquals(1, data.tamperWithTrail(instance.getUid(), 2, "同意"));
        assertTrue(AsPerson.call(team.staff(), () -> records.verify(instance.getId())).isIntact());
        assertEquals(1, data.removeFromTrail(instance.getUid(), 3));
        assertEquals(new TrailCheck(2, 3, "removed"), AsPerson.call(team.staff(), () -> records.verify(instance.getId())));
    }

    @Test
    void aUnitWithoutTheFlowsModuleStartsNothing() throws Exception {
        Team team = team();
        admin.call(() -> {
            modules.allow(team.unit().getId(), EnumSet.of(Module.MAIL));
            return null;
        });
        assertTrue(AsPerson.call(team.staff(), () -> commands.catalogue(null)).isEmpty());
        assertThrows(EJBAccessException.class, () -> start(team.staff(), "1"));
    }

    @Test
    void underAProxyTheDeputyGetsTheToDoAndTheTrailNamesBoth() throws Exception {
        Team team = team();
        Person deputy = data.personIn(team.unit(), PASSWORD, cheap);
        Delegation proxy = AsPerson.call(team.leader(), () -> delegations.delegate(deputy.getLogin(),
                clock.today(), clock.today().plusDays(3), List.of("leave")));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(team.staff(), () -> delegations.cancel(proxy.getId())));
        FlowInstance instance = start(team.staff(), "1");
        long task = todoOf(deputy, instance);
        AsPerson.call(deputy, () -> commands.approve(task, "代为同意", null));
        FlowAction approval = AsPerson.call(team.staff(), () -> records.trail(instance.getId())).stream()
                .filter(a -> a.getKind() == ActionKind.APPROVE).findFirst().orElseThrow();
        assertEquals(deputy.getLogin(), approval.getActorLogin());
        assertEquals(team.leader().getLogin(), approval.getOnBehalfOf());
        assertEquals(instance.getId(), AsPerson.call(team.leader(), () -> records.sight(instance.getId())).summary().id(),
                "the person a deputy acted for still sees the instance");

        AsPerson.run(team.leader(), () -> delegations.cancel(proxy.getId()));
        FlowInstance next = start(team.staff(), "1");
        todoOf(team.leader(), next);
    }

    @Test
    void theInitiatorWithdrawsUntilTheLeaderActs() throws Exception {
        Team team = team();
        FlowInstance instance = start(team.staff(), "1");
        FlowInstance withdrawn = AsPerson.call(team.staff(), () -> commands.withdraw(instance.getId(), null));
        assertEquals(InstanceStatus.WITHDRAWN, withdrawn.getStatus());
        assertTrue(AsPerson.call(team.leader(), () -> worklists.todos()).stream()
                .noneMatch(t -> t.instance().id() == instance.getId()));
        AsPerson.call(team.staff(), () -> commands.submit(instance.getId(), Map.of()));
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(task, null, null));
        DomainException late = assertThrows(DomainException.class,
                () -> AsPerson.call(team.staff(), () -> commands.withdraw(instance.getId(), null)));
        assertEquals("flow.notRunning", late.messageKey());
    }

    @Test
    void theSystemAdministratorHandsADeactivatedLeadersToDosToAnotherPersonAndTheTrailSaysSo() throws Exception {
        Team team = team();
        FlowInstance first = start(team.staff(), "1");
        FlowInstance second = start(team.staff(), "2");
        Person successor = data.personIn(team.unit(), PASSWORD, cheap, Role.UNIT_LEADER);
        Person sysAdmin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);

        // only the system administrator, and only for a deactivated account
        assertThrows(EJBAccessException.class, () -> AsPerson.call(team.leader(),
                () -> handover.reassignOpenTasks(team.leader().getLogin(), successor.getLogin(), "调岗")));
        DomainException active = assertThrows(DomainException.class, () -> AsPerson.call(sysAdmin,
                () -> handover.reassignOpenTasks(team.leader().getLogin(), successor.getLogin(), "调岗")));
        assertEquals("flow.reassignActive", active.messageKey());

        data.deactivate(team.leader());
        DomainException noReason = assertThrows(DomainException.class, () -> AsPerson.call(sysAdmin,
                () -> handover.reassignOpenTasks(team.leader().getLogin(), successor.getLogin(), " ")));
        assertEquals("flow.reasonRequired", noReason.messageKey());
        assertEquals(2, AsPerson.call(sysAdmin, () -> handover.openTasksOf(team.leader().getLogin())).size(),
                "a refused reassignment moves nothing");

        int moved = AsPerson.call(sysAdmin,
                () -> handover.reassignOpenTasks(team.leader().getLogin(), successor.getLogin(), "原负责人调离"));
        assertEquals(2, moved);
        assertTrue(AsPerson.call(sysAdmin, () -> handover.openTasksOf(team.leader().getLogin())).isEmpty());
        long task = todoOf(successor, first);
        todoOf(successor, second);
        FlowAction reassigned = AsPerson.call(team.staff(), () -> records.trail(first.getId())).stream()
                .filter(a -> a.getKind() == ActionKind.REASSIGN).findFirst().orElseThrow();
        assertEquals(sysAdmin.getLogin(), reassigned.getActorLogin());
        assertEquals("原负责人调离", reassigned.getOpinion());
        assertEquals(team.leader().getLogin() + "->" + successor.getLogin(), reassigned.getDetail());
        AsPerson.call(successor, () -> commands.approve(task, "同意", null));
        assertEquals(InstanceStatus.APPROVED, AsPerson.call(team.staff(), () -> records.sight(first.getId()))
                .summary().status());
        assertTrue(AsPerson.call(team.staff(), () -> records.verify(first.getId())).isIntact());
    }

    /** 三员, S3: nobody hands a deactivated person's to-dos to themselves (and then approves them). */
    @Test
    void noAdministratorReassignsToDosToThemselves() throws Exception {
        Team team = team();
        FlowInstance instance = start(team.staff(), "1");
        Person sysAdmin = data.personIn(team.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        data.deactivate(team.leader());
        DomainException toSelf = assertThrows(DomainException.class, () -> AsPerson.call(sysAdmin,
                () -> handover.reassignOpenTasks(team.leader().getLogin(), sysAdmin.getLogin(), "原负责人调离")));
        assertEquals("flow.reassignToSelf", toSelf.messageKey());
        assertEquals(1, AsPerson.call(sysAdmin, () -> handover.openTasksOf(team.leader().getLogin())).size(),
                "nothing moved");
        assertTrue(AsPerson.call(sysAdmin, () -> worklists.todos()).stream()
                .noneMatch(t -> t.instance().id() == instance.getId()));
        assertEquals(1, data.audits(cn.edu.xietong.audit.AuditEvent.FLOW_REASSIGN, sysAdmin.getLogin()).stream()
                .filter(r -> r.getOutcome() == cn.edu.xietong.audit.AuditOutcome.DENIED).count(),
                "the refusal is audited");
    }

    /**
     * 三员 (S2, S3): the to-dos of a deactivated administrator (here a unit leader who is also the audit
     * administrator) are the security administrator's to hand over, not the system administrator's.
     */
    @Test
    void theToDosOfADeactivatedAdministratorAreHandedOverByTheSecurityAdministratorOnly() throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER, Role.AUDIT_ADMIN);
        FlowInstance instance = start(staff, "1");
        Person successor = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Person sysAdmin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        Person securityAdmin = data.personIn(data.unit(), PASSWORD, cheap, Role.SECURITY_ADMIN);
        data.deactivate(leader);

        DomainException refused = assertThrows(DomainException.class, () -> AsPerson.call(sysAdmin,
                () -> handover.reassignOpenTasks(leader.getLogin(), successor.getLogin(), "调离")));
        assertEquals("account.keptBySecurityAdmin", refused.messageKey());
        assertEquals(1, AsPerson.call(securityAdmin, () -> handover.openTasksOf(leader.getLogin())).size());

        assertEquals(1, AsPerson.call(securityAdmin,
                () -> handover.reassignOpenTasks(leader.getLogin(), successor.getLogin(), "调离")));
        todoOf(successor, instance);
    }
}
