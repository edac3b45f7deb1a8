package cn.edu.xietong.it.flow;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.BoardRow;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.HandlingFigure;
import cn.edu.xietong.flow.Supervision;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.NoticeKind;
import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.flow.trail.ActionKind;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O1.4, O1.5: only people on a core flow's list take part in it; the supervisor sees its instances on the board with
 * per-unit and per-handler figures, comments and urges, and both land in the signed trail and with the handlers.
 */
@ExtendWith(ArquillianExtension.class)
class SupervisionIT {

    private static final String PASSWORD = "Board#2026xx";

    @EJB
    private Supervision supervision;

    @EJB
    private FlowDesigns designs;

    @EJB
    private FlowCommands commands;

    @EJB
    private FlowRecords records;

    @EJB
    private Notifications notifications;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private static FormValues claim() {
        return FormValues.of(Map.of("purpose", "参加学术会议", "project", "科研经费",
                "items", List.of(Map.of("item", "注册费", "date", "2026-11-20", "amount", "1200"))));
    }

    @Test
    void onlyListedPeopleTakePartAndTheSupervisorWatchesCommentsAndUrges() throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Person outsider = data.personIn(unit, PASSWORD, cheap);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        long expense = data.publishedDesign("expense");

        assertFalse(AsPerson.call(staff, () -> commands.catalogue(null)).stream().anyMatch(d -> d.getId() == expense),
                "a core flow is only in the catalogue of people on its list");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(staff, () -> commands.start(expense, "报销", claim(),
                Map.of())));
        AsPerson.run(supervisor, () -> designs.addParticipant("expense", staff.getLogin()));
        AsPerson.run(supervisor, () -> designs.addParticipant("expense", leader.getLogin()));
        assertTrue(AsPerson.call(supervisor, () -> designs.participants("expense")).stream()
                .anyMatch(c -> c.getPerson().getLogin().equals(staff.getLogin())));

        FlowInstance instance = AsPerson.call(staff, () -> commands.start(expense, "会议注册费报销", claim(), Map.of()));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(outsider, () -> commands.start(expense, "报销",
                claim(), Map.of())));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(leader, () -> supervision.board()));

        List<BoardRow> board = AsPerson.call(supervisor, () -> supervision.board());
        BoardRow row = board.stream().filter(r -> r.instance().id() == instance.getId()).findFirst()
                .orElseThrow();
        assertEquals(List.of(leader.getFullName()), row.handlers());
        List<HandlingFigure> units = AsPerson.call(supervisor, () -> supervision.byUnit());
        assertTrue(units.stream().anyMatch(f -> f.name().equals(unit.getNameZh()) && f.open() == 1), units.toString());

        AsPerson.call(supervisor, () -> supervision.comment(instance.getId(), "请财务处优先办理"));
        AsPerson.call(supervisor, () -> supervision.urge(instance.getId(), "本周内办结"));
        List<FlowAction> trail = AsPerson.call(staff, () -> records.trail(instance.getId()));
        assertTrue(trail.stream().anyMatch(a -> a.getKind() == ActionKind.COMMENT && a.getOpinion().equals("请财务处优先办理")
                && a.getActorLogin().equals(supervisor.getLogin())));
        assertTrue(trail.stream().anyMatch(a -> a.getKind() == ActionKind.URGE && "supervisor".equals(a.getDetail())));
        List<ListedNotification> told = AsPerson.call(leader, () -> notifications.unread(50));
        assertEquals(List.of(NoticeKind.URGE.name(), NoticeKind.TODO.name()),
                told.stream().filter(n -> n.objectId() == instance.getId()).map(ListedNotification::kind).toList(),
                "the leader was told of the to-do, then of the urging");
        assertTrue(AsPerson.call(supervisor, () -> records.sight(instance.getId())).summary().core(),
                "a supervisor reads every core flow instance");
    }
}
