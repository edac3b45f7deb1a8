package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.FlowFixture;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormValues;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.3: a design is checked before it can be reviewed, and a dry run shows the path and the actual handlers. */
class DesignCheckTest {

    private final FlowFixture f = new FlowFixture();
    private final Person leader = f.person("leader", Role.UNIT_LEADER);
    private final Person school = f.person("school", Role.SCHOOL_LEADER);

    private HandlerResolver resolver() {
        return (rule, initiator) -> f.staffing().candidates(NodeSpec.of("x", "x", "x", NodeKind.APPROVE, rule),
                initiator);
    }

    private List<String> problems(NodeSpec... nodes) {
        return DesignCheck.problems(new FlowDefinition(List.of(nodes), false), FlowFixture.LEAVE, resolver())
                .stream().map(DesignProblem::messageKey).toList();
    }

    @Test
    void aSoundDesignPasses() {
        assertEquals(List.of(), problems(
                NodeSpec.of("unit", "单位审批", "", NodeKind.APPROVE, HandlerRule.initiatorUnit(Role.UNIT_LEADER))
                        .editing("note"),
                NodeSpec.of("school", "校领导", "", NodeKind.APPROVE, HandlerRule.schoolLeader())
                        .when(new Condition("days", Condition.Operator.GT, "3"))));
    }

    @Test
    void nodesThatNameNobodyOrNothingAreFound() {
        assertEquals(List.of("flow.design.unknownPeople", "flow.design.notUnitRole", "flow.design.duplicateNode",
                        "flow.design.badConditionField", "flow.design.unknownField"),
                problems(NodeSpec.of("a1", "甲", "", NodeKind.APPROVE, HandlerRule.people("ghost")),
                        NodeSpec.of("a2", "乙", "", NodeKind.APPROVE, HandlerRule.initiatorUnit(Role.SUPERVISOR)),
                        NodeSpec.of("a2", "丙", "", NodeKind.APPROVE, HandlerRule.schoolLeader())
                                .when(new Condition("salary", Condition.Operator.GT, "3")).editing("salary")));
    }

    @Test
    void aRoleOfAFormFieldsUnitNeedsAUnitFieldAndAUnitRole() {
        assertEquals(List.of("flow.design.notUnitField", "flow.design.notUnitRole"), problems(
                NodeSpec.of("owner", "所属单位", "", NodeKind.APPROVE, HandlerRule.fieldUnit(Role.UNIT_LEADER, "kind")),
                NodeSpec.of("cc", "抄送", "", NodeKind.APPROVE, HandlerRule.fieldUnit(Role.SUPERVISOR, "dept"))
                        .when(new Condition("days", Condition.Operator.GT, "3"))).stream().distinct().toList());
        FormSchema withUnit = new FormSchema(List.of(
                FieldSpec.of("dept", "所属单位", "Owning unit", FieldType.UNIT, true),
                FieldSpec.of("days", "天数", "Days", FieldType.NUMBER, true)));
        assertEquals(List.of(), DesignCheck.problems(new FlowDefinition(List.of(NodeSpec.of("owner", "所属单位", "",
                        NodeKind.APPROVE, HandlerRule.fieldUnit(Role.UNIT_LEADER, "dept"))), false), withUnit,
                resolver()).stream().map(DesignProblem::messageKey).toList());
    }

    @Test
    void aNodeNoFormCanReachIsUnreachable() {
        assertEquals(List.of("flow.design.unreachable", "flow.design.unreachable"), problems(
                NodeSpec.of("unit", "单位", "", NodeKind.APPROVE, HandlerRule.initiatorUnit(Role.UNIT_LEADER)),
                NodeSpec.of("long", "超长", "", NodeKind.APPROVE, HandlerRule.schoolLeader())
                        .when(new Condition("days", Condition.Operator.GT, "30")),
                NodeSpec.of("kind", "婚假", "", NodeKind.APPROVE, HandlerRule.schoolLeader())
                        .when(new Condition("kind", Condition.Operator.EQ, "婚假"))));
    }

    @Test
    void someApprovalMustMeetEveryForm() {
        assertEquals(List.of("flow.design.noCertainApproval"), problems(
                NodeSpec.of("cc", "抄送", "", NodeKind.NOTIFY, HandlerRule.people("leader")),
                NodeSpec.of("school", "校领导", "", NodeKind.APPROVE, HandlerRule.schoolLeader())
                        .when(new Condition("days", Condition.Operator.GT, "3"))));
    }

    @Test
    void theDryRunShowsThePathAndTheHandlersForASampleForm() {
        f.person("other", Role.SCHOOL_LEADER);
        FlowDefinition definition = new FlowDefinition(List.of(
                NodeSpec.of("unit", "单位", "", NodeKind.APPROVE, HandlerRule.initiatorUnit(Role.UNIT_LEADER)),
                NodeSpec.of("school", "校领导", "", NodeKind.APPROVE, HandlerRule.schoolLeader())
                        .when(new Condition("days", Condition.Operator.GE, "3"))), false);
        Person initiator = f.person("staff");
        List<DryRunStep> shortLeave = DryRunStep.of(definition, FlowFixture.LEAVE, resolver(), initiator,
                FlowFixture.leave("1"));
        assertEquals(List.of("unit"), shortLeave.stream().map(s -> s.node().id()).toList());
        assertEquals(List.of(leader), shortLeave.get(0).handlers());
        List<DryRunStep> longLeave = DryRunStep.of(definition, FlowFixture.LEAVE, resolver(), initiator,
                FlowFixture.leave("3"));
        assertEquals(2, longLeave.size());
        assertTrue(longLeave.get(1).initiatorChooses(), "two school leaders: the initiator chooses");
        assertFalse(longLeave.get(0).initiatorChooses());
    }

    @Test
    void aDefinitionSurvivesItsJson() {
        FlowDefinition definition = new FlowDefinition(List.of(
                NodeSpec.of("unit", "单位", "Unit", NodeKind.COUNTERSIGN, HandlerRule.unitRole(Role.UNIT_IT, "CS"))
                        .editing("note").hiding("reason").due(2).returning(ResubmitPolicy.BACK_TO_RETURNER),
                NodeSpec.of("cc", "抄送", "CC", NodeKind.NOTIFY, HandlerRule.people("a1", "b2"))
                        .when(new Condition("kind", Condition.Operator.NE, "病假"))), true);
        assertEquals(definition, FlowDefinition.fromJson(definition.toJson()));
        assertThrows(IllegalArgumentException.class, () -> FlowDefinition.fromJson("{\"nodes\":3}"));
        assertEquals(List.of(), FormValues.of(Map.of()).asMap().keySet().stream().toList());
    }
}
