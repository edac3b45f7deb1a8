package cn.edu.xietong.it.flow;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.DesignProblem;
import cn.edu.xietong.flow.design.DesignStatus;
import cn.edu.xietong.flow.design.DryRunStep;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormTemplate;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.InstanceSight;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O3.3, O1.3, O1.4: a unit's IT staff draft a form and a design, the checks and the dry run find what is wrong, the
 * supervisor returns and then publishes it, a new version leaves running instances on theirs; every step refuses the
 * wrong person.
 */
@ExtendWith(ArquillianExtension.class)
class FlowDesignsIT {

    private static final String PASSWORD = "Design#2026x";

    @EJB
    private FlowDesigns designs;

    @EJB
    private FlowCommands commands;

    @EJB
    private Worklists worklists;

    @EJB
    private FlowRecords records;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private static final FormSchema REQUEST = new FormSchema(List.of(
            FieldSpec.of("topic", "事项", "Topic", FieldType.TEXT, true),
            FieldSpec.of("budget", "预算", "Budget", FieldType.MONEY, false)));

    private static String code() {
        return "t-" + UUID.randomUUID().toString().substring(0, 8);
    }

    private static FlowDefinition twoNodes(String secondLogin) {
        return new FlowDefinition(List.of(
                NodeSpec.of("unit", "单位负责人", "Unit leader", NodeKind.APPROVE,
                        HandlerRule.initiatorUnit(Role.UNIT_LEADER)),
                NodeSpec.of("expert", "专家", "Expert", NodeKind.APPROVE, HandlerRule.people(secondLogin))), false);
    }

    @Test
    void aDesignGoesFromDraftThroughReviewToPublishedAndANewVersionLeavesRunningInstancesAlone() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Person expert = data.personIn(unit, PASSWORD, cheap);
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person outsider = data.personIn(data.unit(), PASSWORD, cheap);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        String code = code();

        FormTemplate form = AsPerson.call(it, () -> designs.createForm(unit.getId(), code, "申请", "Request", REQUEST));
        AsPerson.call(it, () -> designs.publishForm(form.getId()));
        FlowDesign draft = AsPerson.call(it, () -> designs.createDesign(unit.getId(), code, "事项申请", "Request",
                Category.DAILY, form.getId(), twoNodes("no-such-person"), false, false));
        assertEquals(List.of("flow.design.unknownPeople"), AsPerson.call(it, () -> designs.problems(draft.getId()))
                .stream().map(DesignProblem::messageKey).toList());
        InvalidInputException unsound = assertThrows(InvalidInputException.class,
                () -> AsPerson.call(it, () -> designs.submitForReview(draft.getId())));
        assertEquals("flow.design.invalid", unsound.messageKey());

        AsPerson.call(it, () -> designs.reviseDesign(draft.getId(), "事项申请", "Request", Category.DAILY, form.getId(),
                twoNodes(expert.getLogin()), false, false));
        List<DryRunStep> dryRun = AsPerson.call(it, () -> designs.dryRun(draft.getId(), staff.getLogin(),
                FormValues.of(Map.of("topic", "买书"))));
        assertEquals(List.of(leader.getLogin(), expert.getLogin()),
                dryRun.stream().map(s -> s.handlers().get(0).getLogin()).toList());

        AsPerson.call(it, () -> designs.submitForReview(draft.getId()));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(it, () -> designs.publish(draft.getId())));
        FlowDesign returned = AsPerson.call(supervisor, () -> designs.returnForRework(draft.getId(), "请补充会签节点说明"));
        assertEquals(DesignStatus.DRAFT, returned.getStatus());
        assertEquals("请补充会签节点说明", returned.getReviewNote());
        AsPerson.call(it, () -> designs.submitForReview(draft.getId()));
        assertTrue(AsPerson.call(supervisor, () -> designs.reviewQueue()).stream()
                .anyMatch(d -> d.getId().equals(draft.getId())));
        assertEquals(DesignStatus.PUBLISHED, AsPerson.call(supervisor, () -> designs.publish(draft.getId())).getStatus());

        assertTrue(AsPerson.call(staff, () -> commands.catalogue(Category.DAILY)).stream()
                .anyMatch(d -> d.getId().equals(draft.getId())));
        assertFalse(AsPerson.call(outsider, () -> commands.catalogue(null)).stream()
                .anyMatch(d -> d.getCode().equals(code)), "a unit's own flow is not in other units' catalogues");
        FlowInstance running = AsPerson.call(staff, () -> commands.start(draft.getId(), "买书", FormValues.of(
                Map.of("topic", "买书")), Map.of()));

        FlowDesign second = AsPerson.call(it, () -> designs.newVersion(draft.getId()));
        assertEquals(2, second.getVersion());
        AsPerson.call(it, () -> designs.reviseDesign(second.getId(), "事项申请", "Request", Category.DAILY, form.getId(),
                new FlowDefinition(List.of(NodeSpec.of("unit", "单位负责人", "Unit leader", NodeKind.APPROVE,
                        HandlerRule.initiatorUnit(Role.UNIT_LEADER))), false), false, false));
        AsPerson.call(it, () -> designs.submitForReview(second.getId()));
        AsPerson.call(supervisor, () -> designs.publish(second.getId()));
        assertEquals(DesignStatus.SUPERSEDED, AsPerson.call(it, () -> designs.design(draft.getId())).getStatus());

        long task = todo(leader, running);
        AsPerson.call(leader, () -> commands.approve(task, null, null));
        InstanceSight atExpert = AsPerson.call(staff, () -> records.sight(running.getId()));
        assertEquals(1, atExpert.summary().designVersion(), "the running instance keeps its version");
        assertEquals(List.of("expert"), atExpert.diagram().stream().filter(n -> n.state().equals("current"))
                .map(n -> n.node().id()).toList());
        AsPerson.call(expert, () -> commands.approve(todo(expert, running), null, null));
        assertEquals(InstanceStatus.APPROVED, AsPerson.call(staff, () -> records.sight(running.getId())).summary().status());
    }

    private long todo(Person person, FlowInstance instance) throws Exception {
        return AsPerson.call(person, () -> worklists.todos()).stream()
                .filter(t -> t.instance().id() == instance.getId()).map(ListedTask::id).findFirst()
                .orElseThrow();
    }

    @Test
    void onlyTheUnitsItStaffEditItsFormsAndDesigns() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person otherIt = data.personIn(data.unit(), PASSWORD, cheap, Role.UNIT_IT);
        Person staff = data.personIn(unit, PASSWORD, cheap);
        String code = code();
        assertThrows(EJBAccessException.class, () -> AsPerson.call(otherIt,
                () -> designs.createForm(unit.getId(), code, "申请", "", REQUEST)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(staff,
                () -> designs.createForm(unit.getId(), code, "申请", "", REQUEST)));
        FormTemplate form = AsPerson.call(it, () -> designs.createForm(unit.getId(), code, "申请", "", REQUEST));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(otherIt,
                () -> designs.reviseForm(form.getId(), "改", "", REQUEST)));
        InvalidInputException taken = assertThrows(InvalidInputException.class, () -> AsPerson.call(it,
                () -> designs.createForm(unit.getId(), code, "申请", "", REQUEST)));
        assertEquals("flow.codeTaken", taken.messageKey());
        FormInvalidException bad = assertThrows(FormInvalidException.class, () -> AsPerson.call(it,
                () -> designs.reviseForm(form.getId(), "申请", "", new FormSchema(List.of(
                        FieldSpec.of("a b", "字段", "", FieldType.TEXT, false))))));
        assertEquals("form.design.badKey", bad.fieldProblems().get(0).messageKey());
        assertEquals(REQUEST.fields(), AsPerson.call(it, () -> designs.myForms()).stream()
                .filter(f -> f.getCode().equals(code)).findFirst().orElseThrow().schema().fields(),
                "nothing of the refused revision was saved");
    }
}
