package cn.edu.xietong.it.flow;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.Delegations;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.flow.Handover;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.Placement;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O1.4: a core flow's participant list binds everyone who receives one of its to-dos, not only who starts it: a
 * transfer, added approvers and a proxy deputy must be on the list too. Uses the demo university's core flow 报销
 * ({@code expense}), whose first step is the initiator's unit leader; each test lists its own fresh people.
 */
@ExtendWith(ArquillianExtension.class)
class CoreFlowHandoverIT {

    private static final String PASSWORD = "Core#Handover2026";

    @EJB
    private FlowCommands commands;

    @EJB
    private Worklists worklists;

    @EJB
    private Handover handover;

    @EJB
    private FlowDesigns designs;

    @EJB
    private Delegations delegations;

    @EJB
    private OfficeClock clock;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    /** A unit whose staff member and leader are on the expense flow's list, and a colleague who is not. */
    private record Team(Person staff, Person leader, Person listed, Person outsider, Person supervisor) {
    }

    private Team team() throws Exception {
        Unit unit = data.unit();
        Team team = new Team(data.personIn(unit, PASSWORD, cheap), data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER),
                data.personIn(unit, PASSWORD, cheap), data.personIn(unit, PASSWORD, cheap),
                data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR));
        for (Person p : List.of(team.staff(), team.leader(), team.listed())) {
            AsPerson.run(team.supervisor(), () -> designs.addParticipant("expense", p.getLogin()));
        }
        return team;
    }

    private FlowInstance start(Person staff) throws Exception {
        long expense = data.publishedDesign("expense");
        FormValues claim = FormValues.of(Map.of("purpose", "参加学术会议", "project", "科研经费",
                "items", List.of(Map.of("item", "注册费", "date", "2026-11-20", "amount", "1200"))));
        return AsPerson.call(staff, () -> commands.start(expense, "会议注册费报销", claim, Map.of()));
    }

    private List<Long> todosOf(Person person, FlowInstance instance) throws Exception {
        return AsPerson.call(person, () -> worklists.todos()).stream()
                .filter(t -> t.instance().id() == instance.getId()).map(ListedTask::id).toList();
    }

    private static String refusal(Exception e) {
        return e instanceof DomainException d ? d.messageKey() : e.toString();
    }

    @Test
    void aCoreFlowToDoIsTransferredOnlyToSomeoneOnItsList() throws Exception {
        Team team = team();
        FlowInstance instance = start(team.staff());
        long task = todosOf(team.leader(), instance).get(0);

        Exception refused = assertThrows(Exception.class, () -> AsPerson.call(team.leader(),
                () -> commands.transfer(task, team.outsider().getLogin(), "请你办理")));
        assertEquals("flow.core.notParticipant", refusal(refused));
        assertEquals(List.of(task), todosOf(team.leader(), instance), "the handler keeps the to-do");
        assertTrue(todosOf(team.outsider(), instance).isEmpty());

        AsPerson.call(team.leader(), () -> commands.transfer(task, team.listed().getLogin(), "请你办理"));
        assertEquals(1, todosOf(team.listed(), instance).size());
    }

    @Test
    void aDeactivatedHandlersCoreFlowToDosAreReassignedOnlyToSomeoneOnItsList() throws Exception {
        Team team = team();
        FlowInstance instance = start(team.staff());
        Person admin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        data.deactivate(team.leader());

        Exception refused = assertThrows(Exception.class, () -> AsPerson.call(admin,
                () -> handover.reassignOpenTasks(team.leader().getLogin(), team.outsider().getLogin(), "调离")));
        assertEquals("flow.core.notParticipant", refusal(refused));
        assertTrue(todosOf(team.outsider(), instance).isEmpty(), "nothing moved");

        assertEquals(1, AsPerson.call(admin, () -> handover.reassignOpenTasks(team.leader().getLogin(),
                team.listed().getLogin(), "调离")));
        assertEquals(1, todosOf(team.listed(), instance).size());
    }

    @Test
    void onlyPeopleOnTheListAreAddedAsApproversOfACoreFlow() throws Exception {
        Team team = team();
        FlowInstance instance = start(team.staff());
        long task = todosOf(team.leader(), instance).get(0);

        Exception refused = assertThrows(Exception.class, () -> AsPerson.call(team.leader(),
                () -> commands.addApprovers(task, List.of(team.listed().getLogin(), team.outsider().getLogin()),
                        Placement.ALONGSIDE, "请会签")));
        assertEquals("flow.core.notParticipant", refusal(refused));
        assertTrue(todosOf(team.listed(), instance).isEmpty(), "nobody is added when one is not on the list");
        assertTrue(todosOf(team.outsider(), instance).isEmpty());

        AsPerson.call(team.leader(), () -> commands.addApprovers(task, List.of(team.listed().getLogin()),
                Placement.ALONGSIDE, "请会签"));
        assertEquals(1, todosOf(team.listed(), instance).size());
    }

    @Test
    void aDeputyNotOnTheListDoesNotGetACoreFlowToDoAndTheHandlerKeepsIt() throws Exception {
        Team team = team();
        AsPerson.call(team.leader(), () -> delegations.delegate(team.outsider().getLogin(), clock.today(),
                clock.today().plusDays(3), List.of()));
        FlowInstance instance = start(team.staff());
        assertTrue(todosOf(team.outsider(), instance).isEmpty(), "the deputy is not on the core flow's list");
        assertEquals(1, todosOf(team.leader(), instance).size(), "the leader keeps the to-do");
    }

    @Test
    void aProxyNamingACoreFlowIsRefusedForADeputyNotOnItsList() throws Exception {
        Team team = team();
        Exception refused = assertThrows(Exception.class, () -> AsPerson.call(team.leader(),
                () -> delegations.delegate(team.outsider().getLogin(), clock.today(), clock.today().plusDays(3),
                        List.of("expense"))));
        assertEquals("flow.core.notParticipant", refusal(refused));

        AsPerson.call(team.leader(), () -> delegations.delegate(team.listed().getLogin(), clock.today(),
                clock.today().plusDays(3), List.of("expense")));
        FlowInstance instance = start(team.staff());
        assertEquals(1, todosOf(team.listed(), instance).size(), "a listed deputy gets the to-do");
    }
}
