package cn.edu.xietong.it.directory;

import cn.edu.xietong.directory.Appointment;
import cn.edu.xietong.directory.Organisation;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Post;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitChange;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.1: units, sub-offices, posts and concurrent posts, kept by the system administrator and each unit's IT staff. */
@ExtendWith(ArquillianExtension.class)
class OrganisationIT {

    private static final String PASSWORD = "Organise#2026";

    @EJB
    private Organisation organisation;

    @EJB
    private AccountAdministration administration;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private static String code() {
        return "U" + UUID.randomUUID().toString().substring(0, 7).toUpperCase();
    }

    @Test
    void unitItKeepsTheirUnitsSubOfficesPostsAndAppointmentsIncludingConcurrentOnes() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person member = data.personIn(unit, PASSWORD, cheap);
        Person fromElsewhere = data.personIn(data.unit(), PASSWORD, cheap);

        Unit office = AsPerson.call(it, () -> organisation.createUnit(code(), "教学办公室", "Teaching Office",
                UnitKind.AFFILIATED, unit.getId()));
        assertEquals(unit.getKind(), office.getKind(), "a sub-office takes its unit's kind");
        AsPerson.run(it, () -> organisation.rename(office.getId(), "教务办公室", "Academic Office"));
        Post dean = AsPerson.call(it, () -> organisation.addPost(unit.getId(), "副院长"));
        Appointment own = AsPerson.call(it, () -> organisation.appoint(member.getLogin(), dean.getId()));
        Appointment concurrent = AsPerson.call(it, () -> organisation.appoint(fromElsewhere.getLogin(), dean.getId()));

        assertFalse(own.isConcurrent());
        assertTrue(concurrent.isConcurrent(), "a post in another unit than one's own is 兼职");
        assertEquals(List.of(member.getLogin(), fromElsewhere.getLogin()).stream().sorted().toList(),
                AsPerson.call(it, () -> organisation.appointments(unit.getId())).stream()
                        .map(a -> a.getPerson().getLogin()).sorted().toList());
        assertEquals(unit.getCode(), AsPerson.call(fromElsewhere, () -> organisation.appointmentsOf(
                fromElsewhere.getLogin())).get(0).getPost().getUnit().getCode());
        assertEquals(List.of(UnitChange.Kind.RENAME, UnitChange.Kind.CREATE),
                AsPerson.call(it, () -> organisation.history(office.getId())).stream().map(UnitChange::getKind).toList());
        assertEquals(PersonChange.Kind.APPOINT, admin.call(() -> administration.history(fromElsewhere.getLogin()))
                .get(0).getKind());

        InvalidInputException held = assertThrows(InvalidInputException.class,
                () -> AsPerson.run(it, () -> organisation.removePost(dean.getId())));
        assertEquals(List.of("post.held"), held.problems());
        AsPerson.run(it, () -> organisation.dismiss(own.getId()));
        AsPerson.run(it, () -> organisation.dismiss(concurrent.getId()));
        AsPerson.run(it, () -> organisation.removePost(dean.getId()));
        assertTrue(AsPerson.call(it, () -> organisation.posts(unit.getId())).isEmpty());
    }

    @Test
    void anotherUnitsItStaffLeadersAndStaffAreRefusedEveryChange() throws Exception {
        Unit unit = data.unit();
        Post post = admin.call(() -> organisation.addPost(unit.getId(), "主任"));
        Person member = data.personIn(unit, PASSWORD, cheap);
        Person otherIt = data.personIn(data.unit(), PASSWORD, cheap, Role.UNIT_IT);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);

        for (Person outsider : List.of(otherIt, leader)) {
            assertThrows(EJBAccessException.class, () -> AsPerson.run(outsider,
                    () -> organisation.rename(unit.getId(), "改", "Changed")));
            assertThrows(EJBAccessException.class, () -> AsPerson.call(outsider,
                    () -> organisation.createUnit(code(), "科室", "Office", null, unit.getId())));
            assertThrows(EJBAccessException.class, () -> AsPerson.call(outsider,
                    () -> organisation.addPost(unit.getId(), "秘书")));
            assertThrows(EJBAccessException.class, () -> AsPerson.call(outsider,
                    () -> organisation.appoint(member.getLogin(), post.getId())));
        }
        assertThrows(EJBAccessException.class, () -> AsPerson.call(otherIt,
                () -> organisation.createUnit(code(), "新学院", "New School", UnitKind.COLLEGE, null)),
                "only the system administrator creates top-level units");
        assertThrows(EJBAccessException.class, () -> AsPerson.run(otherIt, () -> organisation.move(unit.getId(), null)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> organisation.addPost(unit.getId(), "x")));
        assertEquals(List.of("主任"), AsPerson.call(member, () -> organisation.posts(unit.getId())).stream().map(Post::getName)
                .toList(), "nothing changed");
        assertFalse(AsPerson.call(otherIt, () -> organisation.mayMaintain(unit.getId())));
    }

    @Test
    void theAdministratorCreatesAndMovesUnitsButNeverIntoACircle() throws Exception {
        Unit school = admin.call(() -> organisation.createUnit(code(), "新学院", "New School", UnitKind.COLLEGE, null));
        Unit office = admin.call(() -> organisation.createUnit(code(), "办公室", "Office", null, school.getId()));
        InvalidInputException cycle = assertThrows(InvalidInputException.class,
                () -> admin.call(() -> {
                    organisation.move(school.getId(), office.getId());
                    return null;
                }));
        assertEquals(List.of("unit.cycle"), cycle.problems());
        admin.call(() -> {
            organisation.move(office.getId(), null);
            return null;
        });
        assertEquals(null, data.unitByCode(office.getCode()).getParent());

        InvalidInputException bad = assertThrows(InvalidInputException.class, () -> admin.call(
                () -> organisation.createUnit(school.getCode(), " ", null, null, null)));
        assertEquals(List.of("unit.nameZhInvalid", "unit.nameEnInvalid", "unit.codeTaken", "unit.kind"),
                bad.problems());
    }
}
