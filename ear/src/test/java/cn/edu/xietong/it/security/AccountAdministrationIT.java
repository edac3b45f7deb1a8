package cn.edu.xietong.it.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.audit.AuditService;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSecurityAdmin;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.Deployments;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.AccountService;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O2.6, S5: the system administrator deactivates, reactivates, moves and resets; history and audit keep it all. */
@ExtendWith(ArquillianExtension.class)
class AccountAdministrationIT {

    private static final String PASSWORD = "Account#Admin2026";
    private static final String ADDRESS = "192.0.2.70";

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(AccountAdministrationIT.class);
    }

    @EJB
    private AccountAdministration admin;

    @EJB
    private AccountService accounts;

    @EJB
    private AuditService audit;

    @EJB
    private AsAuditAdmin auditor;

    @EJB
    private AsSecurityAdmin securityAdmin;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private Person administrator() {
        return data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
    }

    private LoginResult.Outcome login(Person person, String password) {
        return accounts.logIn(person.getLogin(), password.toCharArray(), ADDRESS).outcome();
    }

    @Test
    void aDeactivatedPersonCannotLogInUntilReactivatedAndBothAreInTheHistory() throws Exception {
        Person sysAdmin = administrator();
        Person person = data.person(PASSWORD, cheap);
        AsPerson.run(sysAdmin, () -> admin.deactivate(person.getLogin(), "离职"));
        assertEquals(LoginResult.Outcome.INVALID, login(person, PASSWORD));

        AsPerson.run(sysAdmin, () -> admin.reactivate(person.getLogin(), null));
        assertEquals(LoginResult.Outcome.SUCCESS, login(person, PASSWORD));

        List<PersonChange> history = AsPerson.call(sysAdmin, () -> admin.history(person.getLogin()));
        assertEquals(List.of(PersonChange.Kind.REACTIVATE, PersonChange.Kind.DEACTIVATE),
                history.stream().map(PersonChange::getKind).toList());
        PersonChange deactivation = history.get(1);
        assertEquals(sysAdmin.getLogin(), deactivation.getChangedBy());
        assertEquals("active", deactivation.getBefore());
        assertEquals("deactivated", deactivation.getAfter());
        assertEquals("离职", deactivation.getReason());
        assertEquals(AuditEvent.ACCOUNT_REACTIVATE, auditor.call(() -> audit.search(
                new AuditQuery(null, null, sysAdmin.getLogin(), null, null), 1)).get(0).getEvent());
    }

    @Test
    void aMoveChangesThePrimaryUnitAndRecordsBeforeAndAfter() throws Exception {
        Person sysAdmin = administrator();
        Person person = data.person(PASSWORD, cheap);
        Unit target = data.unit();
        AsPerson.run(sysAdmin, () -> admin.move(person.getLogin(), target.getId(), "借调"));
        assertEquals(target.getCode(), data.reload(person).getUnit().getCode());
        PersonChange move = AsPerson.call(sysAdmin, () -> admin.history(person.getLogin())).get(0);
        assertEquals(person.getUnit().getCode(), move.getBefore());
        assertEquals(target.getCode(), move.getAfter());
    }

    @Test
    void aResetGivesATemporaryPasswordThatMustBeChangedAtTheNextLogin() throws Exception {
        Person sysAdmin = administrator();
        Person person = data.person(PASSWORD, cheap);
        String temporary = AsPerson.call(sysAdmin, () -> admin.resetPassword(person.getLogin()));
        assertEquals(14, temporary.length());
        assertEquals(LoginResult.Outcome.INVALID, login(person, PASSWORD), "the old password is gone");
        LoginResult result = accounts.logIn(person.getLogin(), temporary.toCharArray(), ADDRESS);
        assertEquals(LoginResult.Outcome.SUCCESS, result.outcome());
        assertTrue(result.passwordChangeRequired());
    }

    @Test
    void badRequestsChangeNothing() throws Exception {
        Person sysAdmin = administrator();
        Person person = data.person(PASSWORD, cheap);
        assertEquals(List.of("account.reasonRequired"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(sysAdmin, () -> admin.deactivate(person.getLogin(), "  "))).problems());
        assertEquals(List.of("account.notSelf"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(sysAdmin, () -> admin.deactivate(sysAdmin.getLogin(), "test"))).problems());
        assertEquals(List.of("account.sameUnit"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(sysAdmin, () -> admin.move(person.getLogin(), person.getUnit().getId(), null))).problems());
        assertEquals(List.of("account.unknown"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(sysAdmin, () -> admin.resetPassword("no-such-login"))).problems());
        assertTrue(data.reload(person).isActive());
        assertTrue(AsPerson.call(sysAdmin, () -> admin.history(person.getLogin())).isEmpty());
    }

    @Test
    void onlyTheSystemAdministratorAdministersAccounts() {
        Person person = data.person(PASSWORD, cheap);
        assertThrows(EJBAccessException.class, () -> staff.call(() -> admin.resetPassword(person.getLogin())));
        assertThrows(EJBAccessException.class, () -> securityAdmin.call(() -> admin.history(person.getLogin())));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> admin.resetPassword(person.getLogin())));
        assertFalse(data.reload(person).isMustChangePassword());
    }
}
