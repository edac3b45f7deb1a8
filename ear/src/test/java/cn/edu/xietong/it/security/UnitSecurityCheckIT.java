package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.UnitRisk;
import cn.edu.xietong.security.UnitSecurityCheck;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.4 and S3: a unit's IT staff see their unit's risks, and only their unit's. */
@ExtendWith(ArquillianExtension.class)
class UnitSecurityCheckIT {

    private static final String PASSWORD = "Unit#Check2026";

    @EJB
    private UnitSecurityCheck check;

    @EJB
    private Authentication accounts;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @Test
    void unitItSeesEachMembersRisksIncludingSubOfficesAndNotThoseWithout() throws Exception {
        Unit unit = data.unit();
        Unit office = data.subUnit(unit);
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person never = data.personIn(unit, PASSWORD, cheap);
        Person expiring = data.personIn(unit, PASSWORD, cheap);
        Person fine = data.personIn(unit, PASSWORD, cheap);
        Person inOffice = data.personIn(office, PASSWORD, cheap);
        data.agePassword(expiring, 85);
        accounts.logIn(expiring.getLogin(), PASSWORD.toCharArray(), "192.0.2.60");
        accounts.logIn(fine.getLogin(), PASSWORD.toCharArray(), "192.0.2.60");

        assertEquals(List.of(unit.getCode()), AsPerson.call(it, () -> check.myUnits()).stream().map(Unit::getCode).toList());
        Map<String, List<String>> risks = AsPerson.call(it, () -> check.check(unit.getId())).stream()
                .collect(Collectors.toMap(r -> r.person().getLogin(), UnitRisk::risks));

        assertEquals(List.of("risk.neverLoggedIn"), risks.get(never.getLogin()));
        assertEquals(List.of("risk.passwordExpiring"), risks.get(expiring.getLogin()));
        assertEquals(List.of("risk.neverLoggedIn"), risks.get(inOffice.getLogin()), "sub-offices belong to the unit");
        assertTrue(risks.get(it.getLogin()).contains("risk.noSecondFactor"), "privileged without a second factor");
        assertFalse(risks.containsKey(fine.getLogin()), "no risk, not listed");
    }

    @Test
    void unitItCannotCheckAnotherUnitNorTheUnitAboveTheirOwn() throws Exception {
        Unit unit = data.unit();
        Unit office = data.subUnit(unit);
        Unit other = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person officeIt = data.personIn(office, PASSWORD, cheap, Role.UNIT_IT);

        assertThrows(EJBAccessException.class, () -> AsPerson.call(it, () -> check.check(other.getId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(officeIt, () -> check.check(unit.getId())));
        AsPerson.call(officeIt, () -> check.check(office.getId())); // their own sub-office is fine
        AsPerson.call(it, () -> check.check(office.getId()));       // and so is the unit above it
    }

    @Test
    void staffAndLeadersOfTheUnitCannotRunIt() throws Exception {
        Unit unit = data.unit();
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        assertThrows(EJBAccessException.class, () -> AsPerson.call(leader, () -> check.check(unit.getId())));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> check.check(unit.getId())));
    }
}
