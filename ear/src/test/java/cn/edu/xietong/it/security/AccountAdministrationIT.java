package cn.edu.xietong.it.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSecurityAdmin;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * O2.6, S5: the system administrator deactivates, reactivates, moves and resets; history and audit keep it all. 三员
 * (S2, S3): the accounts of the three administrators are the security administrator's, never one's own.
 */
@ExtendWith(ArquillianExtension.class)
class AccountAdministrationIT {

    private static final String PASSWORD = "Account#Admin2026";
    private static final String ADDRESS = "192.0.2.70";

    @EJB
    private AccountAdministration admin;

    @EJB
    private Authentication accounts;

    @EJB
    private AuditLog audit;

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
        assertEquals(List.of("account.reasonRequired"), assertThrows(InvalidInputException.class,
                () -> AsPerson.run(sysAdmin, () -> admin.deactivate(person.getLogin(), "调".repeat(501))))
                .problems(), "a reason longer than 500 characters is refused, not cut");
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
    void onlyTheSystemAdministratorAdministersOrdinaryAccounts() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        Person security = data.personIn(data.unit(), PASSWORD, cheap, Role.SECURITY_ADMIN);
        assertThrows(EJBAccessException.class, () -> staff.call(() -> admin.resetPassword(person.getLogin())));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> admin.resetPassword(person.getLogin())));
        assertThrows(EJBAccessException.class, () -> auditor.call(() -> admin.history(person.getLogin())));
        assertRefused("account.keptBySystemAdmin", security, () -> admin.resetPassword(person.getLogin()));
        assertRefused("account.keptBySystemAdmin", security, () -> admin.deactivate(person.getLogin(), "离职"));
        assertUnchanged(person);
    }

    /**
     * 三员 (S2, S3): the system administrator can neither reset, deactivate, reactivate nor move the account of a
     * system, security or audit administrator (and so never log in as one with a temporary password); each refusal
     * changes nothing and is in the audit trail.
     */
    @Test
    void theSystemAdministratorIsRefusedTheAccountsOfTheThreeAdministrators() throws Exception {
        Person sysAdmin = administrator();
        for (Role role : List.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.SYS_ADMIN)) {
            Person target = data.personIn(data.unit(), PASSWORD, cheap, role);
            Unit elsewhere = data.unit();
            assertRefused("account.keptBySecurityAdmin", sysAdmin, () -> admin.resetPassword(target.getLogin()));
            assertRefused("account.keptBySecurityAdmin", sysAdmin, () -> admin.deactivate(target.getLogin(), "离职"));
            assertRefused("account.keptBySecurityAdmin", sysAdmin,
                    () -> admin.move(target.getLogin(), elsewhere.getId(), "借调"));
            assertUnchanged(target);
            assertEquals(LoginResult.Outcome.SUCCESS, login(target, PASSWORD), role + ": the password still works");
            assertFalse(AsPerson.call(sysAdmin, () -> admin.mayAdminister(target.getLogin())), role.name());

            data.deactivate(target);
            assertRefused("account.keptBySecurityAdmin", sysAdmin, () -> admin.reactivate(target.getLogin(), "复职"));
            assertFalse(data.reload(target).isActive());
        }
        List<String> denied = data.audits(AuditEvent.PASSWORD_RESET, sysAdmin.getLogin()).stream()
                .filter(r -> r.getOutcome() == AuditOutcome.DENIED).map(r -> r.getDetail()).toList();
        assertEquals(3, denied.size(), "every refused reset is audited: " + denied);
        assertTrue(denied.get(0).contains("account.keptBySecurityAdmin"), denied.get(0));
        assertEquals(3, data.audits(AuditEvent.ACCOUNT_DEACTIVATE, sysAdmin.getLogin()).stream()
                .filter(r -> r.getOutcome() == AuditOutcome.DENIED).count());
    }

    /** 三员 (S2, S3): the security administrator resets, deactivates, reactivates and moves the administrators. */
    @Test
    void theSecurityAdministratorAdministersTheAccountsOfTheThreeAdministrators() throws Exception {
        Person security = data.personIn(data.unit(), PASSWORD, cheap, Role.SECURITY_ADMIN);
        for (Role role : List.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN, Role.SYS_ADMIN)) {
            Person target = data.personIn(data.unit(), PASSWORD, cheap, role);
            Unit elsewhere = data.unit();
            assertTrue(AsPerson.call(security, () -> admin.mayAdminister(target.getLogin())), role.name());
            String temporary = AsPerson.call(security, () -> admin.resetPassword(target.getLogin()));
            LoginResult result = accounts.logIn(target.getLogin(), temporary.toCharArray(), ADDRESS);
            assertEquals(LoginResult.Outcome.SUCCESS, result.outcome(), role.name());
            assertTrue(result.passwordChangeRequired());
            AsPerson.run(security, () -> admin.move(target.getLogin(), elsewhere.getId(), "借调"));
            assertEquals(elsewhere.getCode(), data.reload(target).getUnit().getCode());
            AsPerson.run(security, () -> admin.deactivate(target.getLogin(), "离职"));
            assertFalse(data.reload(target).isActive());
            AsPerson.run(security, () -> admin.reactivate(target.getLogin(), "复职"));
            assertTrue(data.reload(target).isActive());
            assertEquals(List.of(PersonChange.Kind.REACTIVATE, PersonChange.Kind.DEACTIVATE, PersonChange.Kind.MOVE,
                            PersonChange.Kind.PASSWORD_RESET),
                    AsPerson.call(security, () -> admin.history(target.getLogin())).stream()
                            .map(PersonChange::getKind).toList());
        }
    }

    /** 三员 (S2, S3): no administrator resets, deactivates or moves their own account. */
    @Test
    void theSecurityAdministratorCannotAdministerTheirOwnAccount() throws Exception {
        Person security = data.personIn(data.unit(), PASSWORD, cheap, Role.SECURITY_ADMIN);
        Unit elsewhere = data.unit();
        assertRefused("account.notSelf", security, () -> admin.resetPassword(security.getLogin()));
        assertRefused("account.notSelf", security, () -> admin.deactivate(security.getLogin(), "离职"));
        assertRefused("account.notSelf", security, () -> admin.move(security.getLogin(), elsewhere.getId(), null));
        assertFalse(AsPerson.call(security, () -> admin.mayAdminister(security.getLogin())));
        assertUnchanged(security);
        assertEquals(1, data.audits(AuditEvent.ACCOUNT_MOVE, security.getLogin()).stream()
                .filter(r -> r.getOutcome() == AuditOutcome.DENIED).count());
    }

    private void assertRefused(String key, Person caller, AsPerson.ThrowingRunnable action) {
        assertEquals(List.of(key), assertThrows(InvalidInputException.class, () -> AsPerson.run(caller, action))
                .problems());
    }

    private void assertUnchanged(Person person) {
        Person now = data.reload(person);
        assertTrue(now.isActive());
        assertFalse(data.credential(person).isMustChangePassword());
        assertEquals(person.getUnit().getCode(), now.getUnit().getCode());
        assertTrue(cheap.verify(PASSWORD.toCharArray(), data.credential(person).getPasswordHash()),
                "the password is still the one the person was made with");
    }
}
