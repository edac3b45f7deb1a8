package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.RoleAdministration;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S3 (三员), O2.6: the security administrator grants and takes back roles, within the separation of duties. */
@ExtendWith(ArquillianExtension.class)
class RoleAdministrationIT {

    private static final String PASSWORD = "Role#Admin2026";

    @EJB
    private RoleAdministration roles;

    @EJB
    private AccountAdministration accounts;

    @EJB
    private Authentication login;

    @EJB
    private AsSysAdmin sysAdmin;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private Person securityAdmin() {
        return data.personIn(data.unit(), PASSWORD, cheap, Role.SECURITY_ADMIN);
    }

    @Test
    void aGrantedUnitRoleAppearsAtTheNextLoginAndIsInTheHistory() throws Exception {
        Person admin = securityAdmin();
        Person person = data.person(PASSWORD, cheap);
        Unit unit = person.getUnit();
        AsPerson.run(admin, () -> roles.grant(person.getLogin(), Role.UNIT_IT, unit.getId()));

        var caller = login.logIn(person.getLogin(), PASSWORD.toCharArray(), "192.0.2.90").caller();
        assertEquals(Set.of(Role.STAFF, Role.UNIT_IT), caller.roles());
        assertTrue(data.reload(person).holdsFor(Role.UNIT_IT, unit));

        AsPerson.run(admin, () -> roles.revoke(person.getLogin(), Role.UNIT_IT, unit.getId()));
        assertEquals(Set.of(Role.STAFF), data.reload(person).roleSet());
        List<PersonChange> history = sysAdmin.call(() -> accounts.history(person.getLogin()));
        assertEquals(List.of(PersonChange.Kind.ROLE_REVOKE, PersonChange.Kind.ROLE_GRANT),
                history.stream().map(PersonChange::getKind).toList());
        assertEquals("UNIT_IT@" + unit.getCode(), history.get(1).getAfter());
    }

    @Test
    void noOneHoldsTwoOfTheThreeAdministratorRoles() throws Exception {
        Person admin = securityAdmin();
        Person sys = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        for (Role other : List.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN)) {
            assertEquals(List.of("role.separationOfDuties"), assertThrows(InvalidInputException.class,
                    () -> AsPerson.run(admin, () -> roles.grant(sys.getLogin(), other, null))).problems());
        }
        assertEquals(Set.of(Role.STAFF, Role.SYS_ADMIN), data.reload(sys).roleSet());
    }

    @Test
    void badGrantsAreRefusedAndChangeNothing() throws Exception {
        Person admin = securityAdmin();
        Person person = data.person(PASSWORD, cheap);
        assertEquals(List.of("role.notSelf"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(admin, () -> roles.grant(admin.getLogin(), Role.SUPERVISOR, null))).problems());
        assertEquals(List.of("role.unitRequired"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(admin, () -> roles.grant(person.getLogin(), Role.UNIT_LEADER, null))).problems());
        assertEquals(List.of("role.noUnit"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(admin, () -> roles.grant(person.getLogin(), Role.SUPERVISOR,
                        person.getUnit().getId()))).problems());
        assertEquals(List.of("role.notHeld"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(admin, () -> roles.revoke(person.getLogin(), Role.SUPERVISOR, null))).problems());
        assertEquals(Set.of(Role.STAFF), data.reload(person).roleSet());
    }

    @Test
    void theSystemAdministratorCannotChangeRoles() {
        Person person = data.person(PASSWORD, cheap);
        assertThrows(EJBAccessException.class,
                () -> sysAdmin.call(() -> {
                    roles.grant(person.getLogin(), Role.SUPERVISOR, null);
                    return null;
                }));
    }
}
