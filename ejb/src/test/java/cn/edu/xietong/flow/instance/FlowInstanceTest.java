package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.FlowFixture;
import cn.edu.xietong.flow.design.Condition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.design.ResubmitPolicy;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.trail.ActionKind;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.shared.DomainException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The state machine of a running flow (A1–A3, O1.3): every action and every transition, without a container. */
class FlowInstanceTest {

    private final FlowFixture f = new FlowFixture();
    private final Person staff = f.person("staff");
    private final Person leader = f.person("leader", Role.UNIT_LEADER);
    private final Person school = f.person("school", Role.SCHOOL_LEADER);
    private final List<FlowAction> trail = new ArrayList<>();

    private static NodeSpec unitLeader() {
        return NodeSpec.of("unit", "单位负责人", "Unit leader", NodeKind.APPROVE, HandlerRule.initiatorUnit(Role.UNIT_LEADER));
    }

    private static NodeSpec schoolLeader() {
        return NodeSpec.of("school", "校领导", "School leader", NodeKind.APPROVE, HandlerRule.schoolLeader());
    }

    private static NodeSpec people(String id, NodeKind kind, String... logins) {
        return NodeSpec.of(id, id, id, kind, HandlerRule.people(logins));
    }

    private FlowInstance submitted(FlowDesign design, String days) {
        FlowInstance instance = FlowInstance.draft(design, staff, "请假三天", FlowFixture.leave(days), f.now());
        instance.submit(staff, Map.of(), f.context());
        return instance;
    }

    private FlowTask open(FlowInstance instance, Person person) {
        return instance.openTaskOf(person).orElseThrow(() -> new AssertionError(person.getLogin() + " has no to-do"));
    }

    private List<ActionKind> kinds(FlowInstance instance) {
        trail.addAll(instance.takeAppended());
        return trail.stream().map(FlowAction::getKind).toList();
    }

    private static void assertRefused(String key, Runnable action) {
        DomainException e = assertThrows(DomainException.class, action::run);
        assertEquals(key, e.messageKey());
    }

    @Test
    void submittingOpensOneToDoForTheUnitLeaderDueOneWorkingDayLater() {
        FlowInstance instance = submitted(f.design(unitLeader(), schoolLeader()), "2");
        assertEquals(InstanceStatus.RUNNING, instance.getStatus());
        FlowTask task = open(instance, leader);
        assertEquals(Duration.ofDays(1), Duration.between(task.getArrivedAt(), task.getDueAt()));
        assertEquals("unit", instance.currentNode().orElseThrow().id());
        assertTrue(instance.openTaskOf(school).isEmpty(), "the school leader waits for the unit leader");
    }

    @Test
    void approvalsThroughEveryNodeCompleteTheFlowAndChainTheTrail() {
        FlowInstance instance = submitted(f.design(unitLeader(), schoolLeader()), "2");
        instance.approve(open(instance, leader), leader, "同意", null, f.context());
        instance.approve(open(instance, school), school, "同意", null, f.context());
        assertEquals(InstanceStatus.APPROVED, instance.getStatus());
        assertEquals(List.of(ActionKind.SUBMIT, ActionKind.APPROVE, ActionKind.APPROVE, ActionKind.COMPLETE),
                kinds(instance));
        for (int i = 0; i < trail.size(); i++) {
            FlowAction action = trail.get(i);
            assertEquals(i + 1, action.getSeq());
            assertEquals(i == 0 ? FlowAction.GENESIS : trail.get(i - 1).getHash(), action.getPrevHash());
            assertEquals(action.computeHash(), action.getHash());
        }
        assertEquals(trail.get(3).getHash(), instance.getLastHash());
        assertEquals(instance.values().sha256(), trail.get(1).getFormHash());
        assertRefused("flow.taskClosed", () -> instance.approve(instance.getTasks().get(0), leader, "", null,
                f.context()));
    }

    @Test
    void aConditionPutsTheSchoolLeaderOnThePathOnlyForLongLeave() {
        FlowDesign design = f.design(unitLeader(),
                schoolLeader().when(new Condition("days", Condition.Operator.GT, "3")));
        FlowInstance shortLeave = submitted(design, "2");
        shortLeave.approve(open(shortLeave, leader), leader, null, null, f.context());
        assertEquals(InstanceStatus.APPROVED, shortLeave.getStatus());

        FlowInstance longLeave = submitted(design, "5");
        longLeave.approve(open(longLeave, leader), leader, null, null, f.context());
        assertEquals(InstanceStatus.RUNNING, longLeave.getStatus());
        assertEquals("school", longLeave.currentNode().orElseThrow().id());
    }

    @Test
    void aReturnToTheInitiatorNeedsAReasonAndTheResubmissionRunsThroughEveryNodeAgain() {
        FlowInstance instance = submitted(f.design(unitLeader(), schoolLeader()), "2");
        instance.approve(open(instance, leader), leader, "同意", null, f.context());
        assertRefused("flow.reasonRequired", () -> instance.returnTo(open(instance, school), school, "  ", null,
                f.context()));
        instance.returnTo(open(instance, school), school, "请补充证明", null, f.context());
        assertEquals(InstanceStatus.RETURNED, instance.getStatus());
        assertEquals("请补充证明", instance.getReturnReason());
        assertTrue(instance.liveTasks().isEmpty());

        instance.revise(staff, "请假两天", FlowFixture.leave("2"));
        instance.submit(staff, Map.of(), f.context());
        assertEquals("unit", instance.currentNode().orElseThrow().id(), "RERUN: from the first node again");
        assertNull(instance.getReturnReason());
        assertEquals(List.of(ActionKind.SUBMIT, ActionKind.APPROVE, ActionKind.RETURN, ActionKind.RESUBMIT),
                kinds(instance));
        assertEquals("initiator", trail.get(2).getDetail());
    }

    @Test
    void aResubmissionComesStraightBackToTheReturningNodeWhenItsDesignSaysSo() {
        FlowInstance instance = submitted(f.design(unitLeader(),
                schoolLeader().returning(ResubmitPolicy.BACK_TO_RETURNER)), "2");
        instance.approve(open(instance, leader), leader, null, null, f.context());
        instance.returnTo(open(instance, school), school, "请补充证明", null, f.context());
        instance.submit(staff, Map.of(), f.context());
        assertEquals("school", instance.currentNode().orElseThrow().id());
        assertTrue(instance.openTaskOf(leader).isEmpty());
        instance.approve(open(instance, school), school, null, null, f.context());
        assertEquals(InstanceStatus.APPROVED, instance.getStatus());
    }

    @Test
    void aReturnToAnEarlierNodeReopensItAndTheFlowGoesOnFromThere() {
        f.person("clerk");
        FlowInstance instance = submitted(f.design(people("check", NodeKind.APPROVE, "clerk"), unitLeader(),
                schoolLeader()), "2");
        instance.approve(open(instance, f.person("clerk")), f.person("clerk"), null, null, f.context());
        instance.approve(open(instance, leader), leader, null, null, f.context());
        assertRefused("flow.badReturnTarget", () -> instance.returnTo(open(instance, school), school, "x", "school",
                f.context()));
        instance.returnTo(open(instance, school), school, "人数核对有误", "check", f.context());
        assertEquals("check", instance.currentNode().orElseThrow().id());
        instance.approve(open(instance, f.person("clerk")), f.person("clerk"), "已核对", null, f.context());
        assertEquals("unit", instance.currentNode().orElseThrow().id(), "RERUN passes the unit leader again");
    }

    @Test
    void aReturnToAnEarlierNodeComesStraightBackWhenTheReturningNodeSaysSo() {
        Person clerk = f.person("clerk");
        FlowInstance instance = submitted(f.design(people("check", NodeKind.APPROVE, "clerk"), unitLeader(),
                schoolLeader().returning(ResubmitPolicy.BACK_TO_RETURNER)), "2");
        instance.approve(open(instance, clerk), clerk, null, null, f.context());
        instance.approve(open(instance, leader), leader, null, null, f.context());
        instance.returnTo(open(instance, school), school, "人数核对有误", "check", f.context());
        instance.approve(open(instance, clerk), clerk, "已核对", null, f.context());
        assertEquals("school", instance.currentNode().orElseThrow().id());
    }

    @Test
    void aCountersignNeedsEveryMemberAndOneRejectionEndsTheFlow() {
        Person a = f.person("ann");
        Person b = f.person("bob");
        FlowDesign design = f.design(people("joint", NodeKind.COUNTERSIGN, "ann", "bob"), schoolLeader());
        FlowInstance approved = submitted(design, "2");
        approved.approve(open(approved, a), a, null, null, f.context());
        assertEquals("joint", approved.currentNode().orElseThrow().id(), "still waits for b");
        approved.approve(open(approved, b), b, null, null, f.context());
        assertEquals("school", approved.currentNode().orElseThrow().id());

        FlowInstance rejected = submitted(design, "2");
        rejected.approve(open(rejected, a), a, null, null, f.context());
        assertRefused("flow.reasonRequired", () -> rejected.reject(open(rejected, b), b, null, f.context()));
        rejected.reject(open(rejected, b), b, "不符合规定", f.context());
        assertEquals(InstanceStatus.REJECTED, rejected.getStatus());
        assertTrue(rejected.liveTasks().isEmpty());
    }

    @Test
    void aReturnInsideACountersignDiscardsTheRoundSoEveryMemberDecidesAgain() {
        Person a = f.person("ann");
        Person b = f.person("bob");
        Person c = f.person("cat");
        FlowInstance instance = submitted(f.design(unitLeader(), people("joint", NodeKind.COUNTERSIGN, "ann", "bob", "cat")),
                "2");
        instance.approve(open(instance, leader), leader, null, null, f.context());
        instance.approve(open(instance, a), a, "同意", null, f.context());
        instance.returnTo(open(instance, b), b, "预算不清", "unit", f.context());
        assertTrue(instance.openTaskOf(c).isEmpty(), "c's to-do of the returned round is closed");
        assertEquals(TaskStatus.CANCELLED, instance.getTasks().stream()
                .filter(t -> t.getAssignee() == c).findFirst().orElseThrow().getStatus());
        instance.approve(open(instance, leader), leader, "已说明", null, f.context());
        for (Person member : List.of(a, b, c)) {
            assertTrue(instance.openTaskOf(member).isPresent(), member.getLogin() + " decides again");
        }
        instance.approve(open(instance, a), a, null, null, f.context());
        instance.approve(open(instance, b), b, null, null, f.context());
        assertEquals(InstanceStatus.RUNNING, instance.getStatus(), "a's approval of the old round does not count");
        instance.approve(open(instance, c), c, null, null, f.context());
        assertEquals(InstanceStatus.APPROVED, instance.getStatus());
    }

    @Test
    void inAnAnyOneNodeTheFirstApprovalDecidesAndAReturnClosesTheOthers() {
        Person a = f.person("ann");
        Person b = f.person("bob");
        FlowDesign design = f.design(people("any", NodeKind.ANY_ONE, "ann", "bob"), schoolLeader());
        FlowInstance first = submitted(design, "2");
        first.approve(open(first, b), b, null, null, f.context());
        assertTrue(first.openTaskOf(a).isEmpty());
        assertEquals("school", first.currentNode().orElseThrow().id());
        assertRefused("flow.taskClosed", () -> first.approve(first.getTasks().stream()
                .filter(t -> t.getAssignee() == a).findFirst().orElseThrow(), a, null, null, f.context()));

        FlowInstance returned = submitted(design, "2");
        returned.returnTo(open(returned, a), a, "材料不全", null, f.context());
        assertEquals(InstanceStatus.RETURNED, returned.getStatus());
        assertTrue(returned.openTaskOf(b).isEmpty());
    }

    @Test
    void theInitiatorWithdrawsOnlyWhileNoHandlerHasActedAndTheirNoteGoesIntoTheTrail() {
        FlowDesign design = f.design(unitLeader(), schoolLeader());
        FlowInstance early = submitted(design, "2");
        assertRefused("flow.notInitiator", () -> early.withdraw(leader, null, f.context()));
        early.withdraw(staff, "日期填错了，重填", f.context());
        assertEquals(InstanceStatus.WITHDRAWN, early.getStatus());
        assertEquals("日期填错了，重填", trail(early, ActionKind.WITHDRAW).getOpinion(), "the note is in the trail");
        assertRefused("flow.taskClosed", () -> early.approve(early.getTasks().get(0), leader, null, null,
                f.context()));
        early.submit(staff, Map.of(), f.context());
        assertEquals(InstanceStatus.RUNNING, early.getStatus(), "a withdrawn flow may be submitted again");

        FlowInstance late = submitted(design, "2");
        late.approve(open(late, leader), leader, null, null, f.context());
        assertFalse(late.withdrawable());
        assertRefused("flow.alreadyActed", () -> late.withdraw(staff, null, f.context()));
    }

    @Test
    void aTransferHandsTheToDoOverAndKeepsItsDeadline() {
        Person deputy = f.person("deputy");
        FlowInstance instance = submitted(f.design(unitLeader()), "2");
        FlowTask task = open(instance, leader);
        assertRefused("flow.notYourself", () -> instance.transfer(task, leader, Assignee.of(leader), null,
                f.context()));
        instance.transfer(task, leader, Assignee.of(deputy), "请王老师处理", f.context());
        assertEquals(TaskStatus.TRANSFERRED, task.getStatus());
        FlowTask handed = open(instance, deputy);
        assertEquals(task.getDueAt(), handed.getDueAt());
        assertRefused("flow.taskClosed", () -> instance.approve(task, leader, null, null, f.context()));
        instance.approve(handed, deputy, null, null, f.context());
        assertEquals(InstanceStatus.APPROVED, instance.getStatus());
        assertEquals("deputy", trail(instance, ActionKind.TRANSFER).getDetail());
    }

    @Test
    void anAdministratorReassignsAnOpenToDoWithAReasonAndTheWithdrawRightStays() {
        Person admin = f.person("admin");
        Person successor = f.person("successor");
        FlowInstance instance = submitted(f.design(unitLeader()), "2");
        FlowTask task = open(instance, leader);
        assertRefused("flow.reasonRequired", () -> instance.reassign(task, admin, Assignee.of(successor), " ",
                f.context()));
        assertRefused("flow.notYourself", () -> instance.reassign(task, admin, Assignee.of(leader), "调离",
                f.context()));
        instance.reassign(task, admin, Assignee.of(successor), "调离", f.context());
        assertEquals(TaskStatus.TRANSFERRED, task.getStatus());
        FlowTask handed = open(instance, successor);
        assertEquals(task.getDueAt(), handed.getDueAt());
        FlowAction reassigned = trail(instance, ActionKind.REASSIGN);
        assertEquals("admin", reassigned.getActorLogin());
        assertEquals("leader->successor", reassigned.getDetail());
        assertRefused("flow.taskClosed", () -> instance.reassign(task, admin, Assignee.of(f.person("other")), "再改",
                f.context()));
        instance.withdraw(staff, null, f.context());
        assertEquals(InstanceStatus.WITHDRAWN, instance.getStatus(), "an administrator's move is no handler's act");
    }

    @Test
    void approversAddedBeforeDecideFirstAndThenTheHandlerDecides() {
        Person expert = f.person("expert");
        FlowInstance instance = submitted(f.design(unitLeader(), schoolLeader()), "2");
        FlowTask task = open(instance, leader);
        instance.addApprovers(task, leader, List.of(Assignee.of(expert)), Placement.BEFORE, "请先审核", f.context());
        assertEquals(TaskStatus.WAITING, task.getStatus());
        assertRefused("flow.taskClosed", () -> instance.approve(task, leader, null, null, f.context()));
        instance.approve(open(instance, expert), expert, "无异议", null, f.context());
        assertEquals(TaskStatus.OPEN, task.getStatus(), "the handler's to-do comes back");
        instance.approve(task, leader, null, null, f.context());
        assertEquals("school", instance.currentNode().orElseThrow().id());
        assertEquals("BEFORE:expert", trail(instance, ActionKind.ADD_APPROVERS).getDetail());
    }

    @Test
    void approversAddedAfterOrAlongsideMustApproveBeforeTheNodeIsDone() {
        Person expert = f.person("expert");
        Person finance = f.person("finance");
        FlowInstance after = submitted(f.design(unitLeader(), schoolLeader()), "2");
        after.addApprovers(open(after, leader), leader, List.of(Assignee.of(expert)), Placement.AFTER, "同意",
                f.context());
        assertEquals("unit", after.currentNode().orElseThrow().id());
        after.approve(open(after, expert), expert, null, null, f.context());
        assertEquals("school", after.currentNode().orElseThrow().id());

        FlowInstance alongside = submitted(f.design(unitLeader(), schoolLeader()), "2");
        alongside.addApprovers(open(alongside, leader), leader, List.of(Assignee.of(finance)), Placement.ALONGSIDE,
                null, f.context());
        assertRefused("flow.alreadyHandler", () -> alongside.addApprovers(open(alongside, leader), leader,
                List.of(Assignee.of(finance)), Placement.ALONGSIDE, null, f.context()));
        alongside.approve(open(alongside, finance), finance, null, null, f.context());
        assertEquals("unit", alongside.currentNode().orElseThrow().id(), "the handler has not decided yet");
        alongside.approve(open(alongside, leader), leader, null, null, f.context());
        assertEquals("school", alongside.currentNode().orElseThrow().id());
    }

    @Test
    void underAProxyTheDeputyActsAndTheTrailNamesBoth() {
        f.deputy("leader", "vice");
        Person vice = f.person("vice");
        FlowInstance instance = submitted(f.design(unitLeader()), "2");
        assertTrue(instance.openTaskOf(leader).isEmpty());
        FlowTask task = open(instance, vice);
        assertEquals(leader, task.getOnBehalfOf());
        instance.approve(task, vice, "代为同意", null, f.context());
        FlowAction approval = trail(instance, ActionKind.APPROVE);
        assertEquals("vice", approval.getActorLogin());
        assertEquals("leader", approval.getOnBehalfOf());
        assertTrue(instance.involves(leader));
    }

    @Test
    void aHandlerWhoAlreadyApprovedIsSkippedWhenTheDesignSaysSo() {
        Person both = f.person("both", Role.SCHOOL_LEADER);
        FlowDesign design = f.design(true, people("first", NodeKind.APPROVE, "both"),
                people("again", NodeKind.APPROVE, "both"), schoolLeader());
        FlowInstance instance = FlowInstance.draft(design, staff, "t", FlowFixture.leave("2"), f.now());
        instance.submit(staff, Map.of("school", List.of("school")), f.context());
        instance.approve(open(instance, both), both, null, null, f.context());
        assertEquals("school", instance.currentNode().orElseThrow().id(), "'again' was skipped");
        assertTrue(kinds(instance).contains(ActionKind.SKIP));
    }

    @Test
    void anApprovalNodeWithSeveralCandidatesAsksTheInitiatorToChoose() {
        Person other = f.person("other", Role.SCHOOL_LEADER);
        FlowDesign design = f.design(schoolLeader());
        FlowInstance instance = FlowInstance.draft(design, staff, "t", FlowFixture.leave("2"), f.now());
        assertRefused("flow.handlerNotChosen", () -> instance.submit(staff, Map.of(), f.context()));
        assertRefused("flow.handlerNotChosen", () -> instance.submit(staff, Map.of("school", List.of("nobody")),
                f.context()));
        assertEquals(InstanceStatus.DRAFT, instance.getStatus(), "a refused submission changes nothing");
        instance.submit(staff, Map.of("school", List.of("other")), f.context());
        assertTrue(instance.openTaskOf(other).isPresent());
        assertTrue(instance.openTaskOf(school).isEmpty());
    }

    @Test
    void aCopyDoesNotHoldTheFlowUpAndRecordsItsReading() {
        Person reader = f.person("reader");
        FlowInstance instance = submitted(f.design(people("cc", NodeKind.NOTIFY, "reader"), unitLeader()), "2");
        assertEquals("unit", instance.currentNode().orElseThrow().id());
        FlowTask copy = instance.getTasks().stream().filter(t -> t.getKind() == TaskKind.COPY).findFirst()
                .orElseThrow();
        assertRefused("flow.notYourTask", () -> instance.read(copy, leader, f.context()));
        instance.read(copy, reader, f.context());
        assertEquals(Decision.READ, copy.getDecision());
        assertTrue(kinds(instance).contains(ActionKind.READ));
    }

    @Test
    void nobodyButTheHandlerActsAndNothingIsDoneOnAFinishedFlow() {
        FlowInstance instance = submitted(f.design(unitLeader()), "2");
        FlowTask task = open(instance, leader);
        assertRefused("flow.notYourTask", () -> instance.approve(task, staff, null, null, f.context()));
        assertRefused("flow.notYourTask", () -> instance.returnTo(task, school, "x", null, f.context()));
        instance.approve(task, leader, null, null, f.context());
        assertRefused("flow.notRunning", () -> instance.withdraw(staff, null, f.context()));
        assertRefused("flow.notWithInitiator", () -> instance.revise(staff, "t", FlowFixture.leave("1")));
        assertRefused("flow.notRunning", () -> instance.urge(staff, false, null, f.context()));
    }

    @Test
    void aHandlerChangesOnlyTheFieldsTheirNodeLetsThemEdit() {
        FlowInstance instance = submitted(f.design(unitLeader().editing("note")), "2");
        FormValues edits = FormValues.of(Map.of("note", "同意，注意安全", "days", "20"));
        String before = instance.values().sha256();
        instance.approve(open(instance, leader), leader, null, edits, f.context());
        assertEquals("同意，注意安全", instance.values().text("note").orElseThrow());
        assertEquals("2", instance.values().text("days").orElseThrow());
        assertNotEquals(before, trail(instance, ActionKind.APPROVE).getFormHash());
    }

    @Test
    void fieldsANodeHidesStayHiddenFromItsHandlerButNotFromTheInitiator() {
        FlowInstance instance = submitted(f.design(unitLeader().hiding("reason"), schoolLeader()), "2");
        assertEquals(java.util.Set.of("reason"), instance.hiddenFrom(leader));
        instance.approve(open(instance, leader), leader, null, null, f.context());
        assertEquals(java.util.Set.of("reason"), instance.hiddenFrom(leader), "also after acting");
        assertEquals(java.util.Set.of(), instance.hiddenFrom(school));
        assertEquals(java.util.Set.of(), instance.hiddenFrom(staff));
    }

    @Test
    void theInitiatorUrgesAtMostOnceAnHourAndASupervisorAtAnyTime() {
        Person supervisor = f.person("sup", Role.SUPERVISOR);
        FlowInstance instance = submitted(f.design(unitLeader()), "2");
        assertEquals(List.of(leader), instance.urge(staff, false, "请尽快", f.context()).stream()
                .map(FlowTask::getAssignee).toList());
        assertRefused("flow.urgedRecently", () -> instance.urge(staff, false, null, f.context()));
        instance.urge(supervisor, true, "督办", f.context());
        assertEquals(2, kinds(instance).stream().filter(k -> k == ActionKind.URGE).count());
    }

    /** Who the transitions since the last call tell what, as "login:KIND[:note]". */
    private static List<String> told(FlowInstance instance) {
        return instance.takeNotices().stream().map(n -> n.person().getLogin() + ":" + n.kind()
                + (n.note() == null ? "" : ":" + n.note())).toList();
    }

    @Test
    void eachTransitionTellsThePeopleItConcernsOnce() {
        FlowInstance instance = submitted(f.design(unitLeader(), schoolLeader()), "2");
        assertEquals(List.of("leader:TODO"), told(instance));
        instance.urge(staff, false, "请尽快", f.context());
        assertEquals(List.of("leader:URGE:请尽快"), told(instance));
        instance.approve(open(instance, leader), leader, "同意", null, f.context());
        assertEquals(List.of("school:TODO"), told(instance));
        instance.approve(open(instance, school), school, "同意", null, f.context());
        assertEquals(List.of("staff:APPROVED"), told(instance));
        assertEquals(List.of(), told(instance), "taken once");
    }

    @Test
    void aReturnTellsTheInitiatorOrTheEarlierNodesHandlersWithTheReasonAndARejectionTellsTheInitiator() {
        FlowInstance instance = submitted(f.design(unitLeader(), schoolLeader()), "2");
        instance.approve(open(instance, leader), leader, null, null, f.context());
        told(instance);
        instance.returnTo(open(instance, school), school, "请单位核实", "unit", f.context());
        assertEquals(List.of("leader:RETURNED:请单位核实"), told(instance));
        instance.returnTo(open(instance, leader), leader, "请写明代理人", null, f.context());
        assertEquals(List.of("staff:RETURNED:请写明代理人"), told(instance));
        instance.submit(staff, Map.of(), f.context());
        assertEquals(List.of("leader:TODO"), told(instance));
        instance.reject(open(instance, leader), leader, "不予批准", f.context());
        assertEquals(List.of("staff:REJECTED:不予批准"), told(instance));
    }

    @Test
    void aCopyTellsItsReaderAndASkippedRepeatedApproverIsNotTold() {
        f.person("reader");
        Person both = f.person("both", Role.SCHOOL_LEADER);
        FlowDesign design = f.design(true, people("first", NodeKind.APPROVE, "both"),
                people("cc", NodeKind.NOTIFY, "reader"), people("again", NodeKind.APPROVE, "both"), schoolLeader());
        FlowInstance instance = FlowInstance.draft(design, staff, "t", FlowFixture.leave("2"), f.now());
        instance.submit(staff, Map.of("school", List.of("school")), f.context());
        assertEquals(List.of("both:TODO"), told(instance));
        instance.approve(open(instance, both), both, null, null, f.context());
        assertEquals(List.of("reader:COPY", "school:TODO"), told(instance), "'again' was skipped: nobody told of it");
    }

    @Test
    void aTransferAndAddedApproversTellTheNewHandlersAndAWaitingHandlerIsToldWhenTheToDoComesBack() {
        Person expert = f.person("expert");
        Person deputy = f.person("deputy");
        FlowInstance instance = submitted(f.design(unitLeader(), schoolLeader()), "2");
        told(instance);
        FlowTask task = open(instance, leader);
        instance.addApprovers(task, leader, List.of(Assignee.of(expert)), Placement.BEFORE, "请先审核", f.context());
        assertEquals(List.of("expert:TODO:请先审核"), told(instance));
        instance.transfer(open(instance, expert), expert, Assignee.of(deputy), "请代为审核", f.context());
        assertEquals(List.of("deputy:TODO:请代为审核"), told(instance));
        instance.approve(open(instance, deputy), deputy, null, null, f.context());
        assertEquals(List.of("leader:TODO"), told(instance), "the leader's to-do is back");
    }

    @Test
    void anOverdueToDoRemindsItsHandlerOnceAndAnEscalationTellsTheLeaderWhoseToDoItIs() {
        Person head = f.person("head");
        FlowInstance instance = submitted(f.design(unitLeader()), "2");
        told(instance);
        FlowTask task = open(instance, leader);
        instance.remind(task, f.now());
        instance.remind(task, f.now());
        assertEquals(List.of("leader:REMINDER"), told(instance));
        instance.escalate(task, head, f.context());
        List<Notice> escalation = instance.takeNotices();
        assertEquals(List.of(NoticeKind.ESCALATION), escalation.stream().map(Notice::kind).toList());
        assertEquals(List.of(leader.getFullName()), escalation.get(0).arguments());
    }

    private FlowAction trail(FlowInstance instance, ActionKind kind) {
        kinds(instance);
        return trail.stream().filter(a -> a.getKind() == kind).findFirst().orElseThrow();
    }

    /** S3: a title of zero-width spaces is no title, and an overlong urging note is refused, never cut. */
    @Test
    void aTitleOfOnlyInvisibleCharactersIsRefusedAndAnOverlongNoteIsNotCut() {
        FlowDesign design = f.design(unitLeader());
        assertRefused("flow.titleRequired",
                () -> FlowInstance.draft(design, staff, "\u200B\u2060\uFEFF", FlowFixture.leave("2"), f.now()));
        assertEquals("请假", FlowInstance.draft(design, staff, "\u202E请假\u200B", FlowFixture.leave("2"), f.now())
                .getTitle());
        FlowInstance instance = submitted(design, "2");
        assertRefused("flow.noteTooLong", () -> instance.urge(staff, false, "催".repeat(501), f.context()));
        instance.urge(staff, false, "催".repeat(500), f.context());
    }
}
