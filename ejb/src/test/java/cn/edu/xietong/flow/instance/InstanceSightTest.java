package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.FlowFixture;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.instance.InstanceSight.Action;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What one viewer may see of an instance and do with it, decided in one place (S3, O1.3, O1.5). */
class InstanceSightTest {

    private final FlowFixture f = new FlowFixture();
    private final Person staff = f.person("staff");
    private final Person leader = f.person("leader", Role.UNIT_LEADER);
    private final Person reader = f.person("reader");
    private final Person outsider = f.person("outsider");
    private final Person supervisor = f.person("sup", Role.SUPERVISOR);

    private static NodeSpec unitLeader() {
        return NodeSpec.of("unit", "单位负责人", "Unit leader", NodeKind.APPROVE, HandlerRule.initiatorUnit(Role.UNIT_LEADER));
    }

    private static NodeSpec copyTo(String login) {
        return NodeSpec.of("copy", "抄送", "Copy", NodeKind.NOTIFY, HandlerRule.people(login));
    }

    private FlowInstance submitted(NodeSpec... nodes) {
        FlowInstance instance = FlowInstance.draft(f.design(nodes), staff, "请假", FlowFixture.leave("2"), f.now());
        instance.submit(staff, Map.of(), f.context());
        return instance;
    }

    private static List<String> keys(List<FieldSpec> fields) {
        return fields.stream().map(FieldSpec::key).toList();
    }

    @Test
    void aFieldACopyNodeHidesNeverReachesItsReader() {
        FlowInstance instance = submitted(copyTo("reader").hiding("reason"), unitLeader());
        InstanceSight sight = instance.sightFor(reader, false, f.now());
        assertEquals(Set.of("reason"), instance.hiddenFrom(reader));
        assertFalse(keys(sight.visibleFields()).contains("reason"));
        assertFalse(sight.values().has("reason"), "the value is left out, not only the field");
        assertTrue(sight.may(Action.READ));
        assertFalse(sight.may(Action.HANDLE));
    }

    @Test
    void aHandlerSeesNeitherTheFieldNorTheValueTheirNodeHidesAndHidingWinsOverEditing() {
        FlowInstance instance = submitted(unitLeader().hiding("reason").editing("reason", "note"));
        InstanceSight sight = instance.sightFor(leader, false, f.now());
        assertFalse(keys(sight.visibleFields()).contains("reason"));
        assertFalse(sight.values().has("reason"));
        assertEquals(List.of("note"), keys(sight.editableFields()));
        assertTrue(sight.may(Action.HANDLE));
        assertEquals(List.of(), sight.returnTargets(), "the first node has nowhere earlier to return to");
    }

    @Test
    void theInitiatorSeesTheWholeFormAndMayWithdrawAndUrgeButNotDecide() {
        FlowInstance instance = submitted(unitLeader().hiding("reason"));
        InstanceSight sight = instance.sightFor(staff, false, f.now());
        assertTrue(sight.values().has("reason"));
        assertTrue(sight.isInitiator());
        assertEquals(Set.of(Action.WITHDRAW, Action.URGE), Set.copyOf(
                List.of(Action.values()).stream().filter(sight::may).toList()));
    }

    @Test
    void urgingIsOfferedAgainOnlyAfterTheHourTheStateMachineEnforces() {
        FlowInstance instance = submitted(unitLeader());
        instance.urge(staff, false, null, f.context());
        assertFalse(instance.sightFor(staff, false, f.now()).may(Action.URGE), "urged a minute ago");
        assertFalse(instance.sightFor(staff, false, f.now().plus(Duration.ofMinutes(59))).may(Action.URGE));
        assertTrue(instance.sightFor(staff, false, f.now().plus(FlowInstance.URGE_INTERVAL)).may(Action.URGE));
    }

    @Test
    void aSupervisorMayCommentOnlyOnCoreFlowsAndSomeoneUninvolvedMayDoNothing() {
        FlowInstance instance = submitted(unitLeader());
        assertFalse(instance.sightFor(supervisor, true, f.now()).may(Action.COMMENT), "not a core flow");
        InstanceSight outside = instance.sightFor(outsider, false, f.now());
        assertFalse(outside.canAct());
        assertFalse(outside.isInitiator());
    }

    @Test
    void theDiagramNamesPeopleWithoutHandingOutTheirRecords() {
        FlowInstance instance = submitted(unitLeader(), copyTo("reader"));
        InstanceSight sight = instance.sightFor(leader, false, f.now());
        InstanceSight.NodeLine first = sight.diagram().get(0);
        assertEquals("current", first.state());
        assertEquals("LEADER", first.tasks().get(0).assigneeName());
        assertEquals("ahead", sight.diagram().get(1).state());
        assertEquals(List.of("unit", "copy"), sight.path().stream().map(NodeSpec::id).toList());
    }
}
