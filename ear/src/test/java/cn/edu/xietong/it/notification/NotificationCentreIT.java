package cn.edu.xietong.it.notification;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormTemplate;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.flow.OverdueSweep;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.transaction.UserTransaction;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A2, B2: every flow event that concerns a person tells them once, in the notification centre, in the transaction of
 * the event (a rolled-back event tells nobody): a to-do arrived, a copy to read, a return (to the initiator, with the
 * reason, or to an earlier node's handlers), approval and rejection (to the initiator), urging, an overdue reminder
 * and an escalation. Each person lists, opens and marks read only their own notifications.
 */
@ExtendWith(ArquillianExtension.class)
class NotificationCentreIT {

    private static final String PASSWORD = "Notify#2026x";

    @EJB
    private FlowCommands commands;

    @EJB
    private Worklists worklists;

    @EJB
    private FlowDesigns designs;

    @EJB
    private Notifications notifications;

    @EJB
    private OverdueSweep sweep;

    @EJB
    private OfficeClock clock;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private record Team(Unit unit, Person staff, Person leader) {
    }

    private Team team() {
        Unit unit = data.unit();
        return new Team(unit, data.personIn(unit, PASSWORD, cheap), data.personIn(unit, PASSWORD, cheap,
                Role.UNIT_LEADER));
    }

    /** A leave request of two days: the unit leader decides alone. */
    private FlowInstance leave(Person staff) throws Exception {
        return leave(staff, "2");
    }

    /** More than three days go on to the school leader (liming). */
    private FlowInstance leave(Person staff, String days) throws Exception {
        long design = data.publishedDesign("leave");
        return AsPerson.call(staff, () -> commands.start(design, "请假-" + UUID.randomUUID().toString().substring(0, 6),
                FormValues.of(Map.of("kind", "事假", "period", "2026-12-07/2026-12-11", "days", days,
                        "reason", "家中有事")), Map.of("school", List.of("liming"))));
    }

    private long todoOf(Person person, FlowInstance instance) throws Exception {
        return AsPerson.call(person, () -> worklists.todos()).stream()
                .filter(t -> t.instance().id() == instance.getId()).map(ListedTask::id).findFirst()
                .orElseThrow(() -> new AssertionError(person.getLogin() + " has no to-do for " + instance.getId()));
    }

    /** What the person was told about the instance, newest first. */
    private List<ListedNotification> told(Person person, FlowInstance instance) throws Exception {
        return AsPerson.call(person, () -> notifications.mine()).stream()
                .filter(n -> n.module() == Module.FLOWS && n.objectId() == instance.getId()).toList();
    }

    private List<String> kinds(Person person, FlowInstance instance) throws Exception {
        return told(person, instance).stream().map(ListedNotification::kind).toList();
    }

    @Test
    void aToDoThatArrivesTellsItsHandlerOnceAndLinksToTheInstance() throws Exception {
        Team team = team();
        FlowInstance instance = leave(team.staff());

        List<ListedNotification> told = told(team.leader(), instance);
        assertEquals(List.of("TODO"), told.stream().map(ListedNotification::kind).toList());
        ListedNotification todo = told.get(0);
        assertEquals(instance.getTitle(), todo.subject());
        assertEquals("notification.flow.TODO", todo.text().key());
        assertTrue(todo.unread());
        assertEquals(List.of(), kinds(team.staff(), instance), "the initiator is not told of their own submission");
    }

    @Test
    void aReturnTellsTheInitiatorWithTheReason() throws Exception {
        Team team = team();
        FlowInstance instance = leave(team.staff());
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.returnTo(task, "请写明工作代理人", null));

        List<ListedNotification> told = told(team.staff(), instance);
        assertEquals(List.of("RETURNED"), told.stream().map(ListedNotification::kind).toList());
        assertEquals("请写明工作代理人", told.get(0).note());
        assertEquals(List.of("TODO"), kinds(team.leader(), instance), "the returner is not told again");
    }

    @Test
    void aReturnToAnEarlierNodeTellsItsHandlersWithTheReason() throws Exception {
        Team team = team();
        Person liming = data.personByLogin("liming");
        FlowInstance instance = leave(team.staff(), "5");
        long first = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(first, "同意", null));
        assertEquals(List.of("TODO"), kinds(liming, instance), "the next node's handler is told of the to-do");
        long second = todoOf(liming, instance);
        AsPerson.call(liming, () -> commands.returnTo(second, "请单位再核实天数", "unit"));

        List<ListedNotification> told = told(team.leader(), instance);
        assertEquals(List.of("RETURNED", "TODO"), told.stream().map(ListedNotification::kind).toList());
        assertEquals("请单位再核实天数", told.get(0).note());
        assertEquals(List.of(), kinds(team.staff(), instance), "the flow is not with the initiator");
    }

    @Test
    void theLastApprovalTellsTheInitiatorOnce() throws Exception {
        Team team = team();
        Person liming = data.personByLogin("liming");
        FlowInstance instance = leave(team.staff(), "5");
        long first = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(first, "同意", null));
        assertEquals(List.of(), kinds(team.staff(), instance), "not approved yet");
        long second = todoOf(liming, instance);
        FlowInstance done = AsPerson.call(liming, () -> commands.approve(second, "同意", null));

        assertEquals(InstanceStatus.APPROVED, done.getStatus());
        assertEquals(List.of("APPROVED"), kinds(team.staff(), instance));
    }

    @Test
    void aRejectionTellsTheInitiatorWithTheReason() throws Exception {
        Team team = team();
        FlowInstance instance = leave(team.staff());
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.reject(task, "年底工作繁忙，不予批准"));

        List<ListedNotification> told = told(team.staff(), instance);
        assertEquals(List.of("REJECTED"), told.stream().map(ListedNotification::kind).toList());
        assertEquals("年底工作繁忙，不予批准", told.get(0).note());
    }

    @Test
    void urgingTellsEachCurrentHandlerOnce() throws Exception {
        Team team = team();
        FlowInstance instance = leave(team.staff());
        AsPerson.call(team.staff(), () -> commands.urge(instance.getId(), "明天出发，请尽快"));

        List<ListedNotification> told = told(team.leader(), instance);
        assertEquals(List.of("URGE", "TODO"), told.stream().map(ListedNotification::kind).toList());
        assertEquals("明天出发，请尽快", told.get(0).note());
    }

    @Test
    void aCopyTellsItsReaderToReadIt() throws Exception {
        Team team = team();
        Person reader = data.personIn(team.unit(), PASSWORD, cheap);
        FlowDesign design = designWithCopy(team.unit(), reader);
        FlowInstance instance = AsPerson.call(team.staff(), () -> commands.start(design.getId(), "设备借用",
                FormValues.of(Map.of("topic", "借投影仪")), Map.of()));
        assertEquals(List.of(), kinds(reader, instance), "the copy node is not reached yet");
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(task, "同意", null));

        assertEquals(List.of("COPY"), kinds(reader, instance));
        assertEquals(List.of("APPROVED"), kinds(team.staff(), instance));
    }

    @Test
    void anOverdueToDoRemindsItsHandlerOnceAndEscalatesToTheUnitLeaderOnce() throws Exception {
        Unit unit = data.unit();
        Person unitLeader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Unit office = data.subUnit(unit);
        Person handler = data.personIn(office, PASSWORD, cheap, Role.UNIT_LEADER);
        Person staff = data.personIn(office, PASSWORD, cheap);
        try {
            clock.moveTo(Instant.parse("2026-12-01T02:00:00Z")); // Tuesday, 10:00 in Shanghai
            FlowInstance instance = leave(staff);
            long task = todoOf(handler, instance);
            clock.moveTo(Instant.parse("2026-12-04T03:00:00Z")); // Friday: overdue, and a working day more
            sweep.handle(task);
            sweep.handle(task);

            assertEquals(List.of("REMINDER", "TODO"), kinds(handler, instance).stream().sorted().toList());
            List<ListedNotification> escalated = told(unitLeader, instance);
            assertEquals(List.of("ESCALATION"), escalated.stream().map(ListedNotification::kind).toList());
            assertEquals(List.of(handler.getFullName()), escalated.get(0).text().arguments());
        } finally {
            clock.reset();
        }
    }

    @Test
    void aRolledBackEventLeavesNoNotification() throws Exception {
        Team team = team();
        Person liming = data.personByLogin("liming");
        FlowInstance instance = leave(team.staff(), "5");
        long task = todoOf(team.leader(), instance);
        UserTransaction tx = InitialContext.doLookup("java:comp/UserTransaction");
        tx.begin();
        try {
            AsPerson.call(team.leader(), () -> commands.approve(task, "同意", null));
            assertEquals(List.of("TODO"), kinds(liming, instance), "told inside the event's transaction");
        } finally {
            tx.rollback();
        }

        assertEquals(List.of(), kinds(liming, instance), "the approval was rolled back, and its notification with it");
        assertEquals(task, todoOf(team.leader(), instance));
    }

    @Test
    void nobodyReadsOrMarksAnotherPersonsNotificationByItsId() throws Exception {
        Team team = team();
        Person outsider = data.person(PASSWORD, cheap);
        FlowInstance instance = leave(team.staff());
        long theirs = told(team.leader(), instance).get(0).id();

        assertThrows(EJBAccessException.class, () -> AsPerson.call(outsider, () -> notifications.read(theirs)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(outsider, () -> notifications.read(Long.MAX_VALUE)),
                "refused alike whether it exists or not");
        AsPerson.call(outsider, () -> notifications.readAll());
        assertTrue(told(team.leader(), instance).get(0).unread(), "someone else's reading changes nothing");
        assertEquals(List.of(), AsPerson.call(outsider, () -> notifications.mine()));
    }

    @Test
    void openingOneMarksItReadAndMarkAllReadMarksTheRestSoTheCountDrops() throws Exception {
        Team team = team();
        FlowInstance first = leave(team.staff());
        FlowInstance second = leave(team.staff());
        AsPerson.call(team.staff(), () -> commands.urge(second.getId(), null));
        assertEquals(3, AsPerson.call(team.leader(), () -> notifications.unreadCount()));

        long opened = told(team.leader(), first).get(0).id();
        ListedNotification read = AsPerson.call(team.leader(), () -> notifications.read(opened));
        assertNotNull(read.readAt());
        assertEquals(first.getId(), read.objectId());
        assertEquals(2, AsPerson.call(team.leader(), () -> notifications.unreadCount()));
        assertEquals(2, AsPerson.call(team.leader(), () -> notifications.readAll()));
        assertEquals(0, AsPerson.call(team.leader(), () -> notifications.unreadCount()));
        assertTrue(AsPerson.call(team.leader(), () -> notifications.mine()).stream().noneMatch(
                ListedNotification::unread));
        assertEquals(read.readAt().truncatedTo(ChronoUnit.MILLIS),
                told(team.leader(), first).get(0).readAt().truncatedTo(ChronoUnit.MILLIS),
                "marking all read keeps the time the one opened was read");
        assertNull(AsPerson.call(team.leader(), () -> notifications.unread(10)).stream().findFirst().orElse(null));
    }

    /** A form with one approval by the unit leader, then a copy to {@code reader}. */
    private FlowDesign designWithCopy(Unit unit, Person reader) throws Exception {
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        String code = "n-" + UUID.randomUUID().toString().substring(0, 8);
        FormSchema schema = new FormSchema(List.of(FieldSpec.of("topic", "事项", "Topic", FieldType.TEXT, true)));
        FormTemplate form = AsPerson.call(it, () -> designs.createForm(unit.getId(), code, "申请", "Request", schema));
        AsPerson.call(it, () -> designs.publishForm(form.getId()));
        FlowDesign design = AsPerson.call(it, () -> designs.createDesign(unit.getId(), code, "借用申请", "Request",
                Category.DAILY, form.getId(), new FlowDefinition(List.of(
                        NodeSpec.of("unit", "单位负责人", "Unit leader", NodeKind.APPROVE,
                                HandlerRule.initiatorUnit(Role.UNIT_LEADER)),
                        NodeSpec.of("copy", "抄送", "Copy", NodeKind.NOTIFY, HandlerRule.people(reader.getLogin()))),
                        false), false, false));
        AsPerson.call(it, () -> designs.submitForReview(design.getId()));
        AsPerson.call(supervisor, () -> designs.publish(design.getId()));
        return design;
    }
}
