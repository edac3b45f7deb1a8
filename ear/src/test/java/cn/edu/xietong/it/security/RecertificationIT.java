package cn.edu.xietong.it.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSecurityAdmin;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.Recertification;
import cn.edu.xietong.security.SecurityPolicies;
import cn.edu.xietong.security.UnitRisk;
import cn.edu.xietong.security.UnitSecurityCheck;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.2, O3.4: each unit's IT staff confirm their members at the policy's interval; the rest are reported. */
@ExtendWith(ArquillianExtension.class)
class RecertificationIT {

    private static final String PASSWORD = "Recert#Check2026";

    @EJB
    private Recertification recertification;

    @EJB
    private UnitSecurityCheck unitCheck;

    @EJB
    private AccountAdministration administration;

    @EJB
    private SecurityPolicies policies;

    @EJB
    private AuditLog audit;

    @EJB
    private AsAuditAdmin auditor;

    @EJB
    private AsSysAdmin sysAdmin;

    @EJB
    private AsSecurityAdmin securityAdmin;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @Test
    void overdueMembersAreListedFirstReportedAndClearedByConfirmation() throws Exception {
        Unit unit = data.unit();
        Unit office = data.subUnit(unit);
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person recent = data.personIn(unit, PASSWORD, cheap);
        Person stale = data.personIn(office, PASSWORD, cheap);
        data.ageConfirmation(stale, 200);

        List<Recertification.Review> members = AsPerson.call(it, () -> recertification.members(unit.getId()));
        assertEquals(stale.getLogin(), members.get(0).person().getLogin(), "overdue first, sub-offices included");
        assertTrue(members.get(0).overdue());
        assertFalse(members.stream().filter(r -> r.person().getLogin().equals(recent.getLogin())).findFirst()
                .orElseThrow().overdue(), "a new account was confirmed by its approval");
        assertTrue(sysAdmin.call(() -> recertification.overdue()).stream()
                .anyMatch(r -> r.person().getLogin().equals(stale.getLogin())));
        assertTrue(risks(it, unit, stale).contains("risk.unconfirmed"));

        assertEquals(1, AsPerson.call(it, () -> recertification.confirm(unit.getId(), List.of(stale.getLogin()))));

        assertEquals(it.getLogin(), data.review(stale).getConfirmedBy());
        assertFalse(sysAdmin.call(() -> recertification.overdue()).stream()
                .anyMatch(r -> r.person().getLogin().equals(stale.getLogin())));
        assertFalse(risks(it, unit, stale).contains("risk.unconfirmed"));
        List<PersonChange> history = sysAdmin.call(() -> administration.history(stale.getLogin()));
        assertEquals(PersonChange.Kind.RECERTIFIED, history.get(0).getKind());
        assertTrue(auditor.call(() -> audit.search(new AuditQuery(null, null, it.getLogin(),
                AuditEvent.ACCOUNT_RECERTIFY, null), 1)).get(0).getDetail().contains(stale.getLogin()));
    }

    private List<String> risks(Person it, Unit unit, Person member) throws Exception {
        return AsPerson.call(it, () -> unitCheck.check(unit.getId())).stream()
                .filter(r -> r.person().getLogin().equals(member.getLogin())).findFirst()
                .map(UnitRisk::risks).orElse(List.of());
    }

    @Test
    void confirmationIsAllOrNothingAndOnlyForTheUnitsOwnMembers() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person member = data.personIn(unit, PASSWORD, cheap);
        Person outsider = data.personIn(data.unit(), PASSWORD, cheap);
        data.ageConfirmation(member, 200);

        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> AsPerson.call(it,
                () -> recertification.confirm(unit.getId(), List.of(member.getLogin(), outsider.getLogin()))));
        assertEquals(List.of("recert.notMember"), refused.problems());
        assertTrue(AsPerson.call(it, () -> recertification.members(unit.getId())).get(0).overdue(),
                "the member in the refused batch was not confirmed");
        InvalidInputException empty = assertThrows(InvalidInputException.class,
                () -> AsPerson.call(it, () -> recertification.confirm(unit.getId(), List.of())));
        assertEquals(List.of("recert.nothingChosen"), empty.problems());
    }

    @Test
    void aReportedLeaverReachesTheAdministratorAndSupervisorsUntilDeactivated() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person leaving = data.personIn(unit, PASSWORD, cheap);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);

        InvalidInputException noReason = assertThrows(InvalidInputException.class, () -> AsPerson.run(it,
                () -> recertification.reportLeaver(unit.getId(), leaving.getLogin(), " ")));
        assertEquals(List.of("recert.reasonRequired"), noReason.problems());
        assertNull(data.review(leaving).getLeaverReportedAt());

        AsPerson.run(it, () -> recertification.reportLeaver(unit.getId(), leaving.getLogin(), "调往外校"));
        assertTrue(AsPerson.call(supervisor, () -> recertification.reportedLeavers()).stream()
                .anyMatch(p -> p.getPerson().getLogin().equals(leaving.getLogin()) && p.getLeaverReason().equals("调往外校")));
        assertTrue(risks(it, unit, leaving).contains("risk.leaverReported"));

        sysAdmin.call(() -> {
            administration.deactivate(leaving.getLogin(), "left the university");
            return null;
        });
        assertFalse(sysAdmin.call(() -> recertification.reportedLeavers()).stream()
                .anyMatch(p -> p.getPerson().getLogin().equals(leaving.getLogin())), "deactivation settles the report");
    }

    @Test
    void anotherUnitsItStaffAndOrdinaryStaffAreRefused() throws Exception {
        Unit unit = data.unit();
        Unit office = data.subUnit(unit);
        Person member = data.personIn(unit, PASSWORD, cheap);
        Person otherIt = data.personIn(data.unit(), PASSWORD, cheap, Role.UNIT_IT);
        Person officeIt = data.personIn(office, PASSWORD, cheap, Role.UNIT_IT);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);

        assertThrows(EJBAccessException.class, () -> AsPerson.call(otherIt, () -> recertification.members(unit.getId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(otherIt,
                () -> recertification.confirm(unit.getId(), List.of(member.getLogin()))));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(officeIt,
                () -> recertification.reportLeaver(unit.getId(), member.getLogin(), "no")), "not the unit above");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(leader, () -> recertification.members(unit.getId())));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> recertification.overdue()));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(leader, () -> recertification.reportedLeavers()));
        assertNull(data.review(member).getLeaverReportedAt());
    }

    @Test
    void theSecurityAdministratorSetsTheIntervalWithinRange() throws Exception {
        int before = securityAdmin.call(() -> policies.passwordPolicy()).getRecertificationDays();
        try {
            assertThrows(InvalidInputException.class,
                    () -> securityAdmin.call(() -> policies.updateRecertificationDays(10)));
            assertThrows(EJBAccessException.class, () -> sysAdmin.call(() -> policies.updateRecertificationDays(90)));
            assertEquals(90, securityAdmin.call(() -> policies.updateRecertificationDays(90)).getRecertificationDays());

            Unit unit = data.unit();
            Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
            Person member = data.personIn(unit, PASSWORD, cheap);
            data.ageConfirmation(member, 100);
            assertTrue(AsPerson.call(it, () -> recertification.members(unit.getId())).stream()
                    .filter(r -> r.person().getLogin().equals(member.getLogin())).findFirst().orElseThrow().overdue(),
                    "100 days is overdue at a 90-day interval");
        } finally {
            securityAdmin.call(() -> policies.updateRecertificationDays(before));
        }
    }
}
