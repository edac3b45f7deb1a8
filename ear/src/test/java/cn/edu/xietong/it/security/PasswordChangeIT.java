package cn.edu.xietong.it.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSecurityAdmin;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.security.SecurityPolicies;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2: passwords follow the policy, are not reused, expire, and must be changed after a reset. */
@ExtendWith(ArquillianExtension.class)
class PasswordChangeIT {

    private static final String ADDRESS = "192.0.2.50";

    @EJB
    private Authentication accounts;

    @EJB
    private SecurityPolicies policies;

    @EJB
    private AuditLog audit;

    @EJB
    private AsSecurityAdmin securityAdmin;

    @EJB
    private AsSysAdmin sysAdmin;

    @EJB
    private AsAuditAdmin auditor;

    @EJB
    private TestData data;

    @EJB
    private OfficeClock clock;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private LoginResult login(Person person, String password) {
        return accounts.logIn(person.getLogin(), password.toCharArray(), ADDRESS);
    }

    private void change(Person person, String current, String next) throws Exception {
        AsPerson.run(person, () -> accounts.changePassword(current.toCharArray(), next.toCharArray()));
    }

    @Test
    void aPersonChangesTheirPasswordAndOnlyTheNewOneWorksAfterwards() throws Exception {
        Person person = data.person("First#Pass2026", cheap);
        change(person, "First#Pass2026", "Second#Pass2026");
        assertEquals(LoginResult.Outcome.SUCCESS, login(person, "Second#Pass2026").outcome());
        assertEquals(LoginResult.Outcome.INVALID, login(person, "First#Pass2026").outcome());
        List<AuditRecord> changes = auditor.call(() -> audit.search(
                new AuditQuery(null, null, person.getLogin(), AuditEvent.PASSWORD_CHANGE, null), 5));
        assertEquals(AuditOutcome.SUCCESS, changes.get(0).getOutcome());
    }

    @Test
    void aWrongCurrentPasswordChangesNothing() throws Exception {
        Person person = data.person("First#Pass2026", cheap);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> change(person, "not-it", "Second#Pass2026"));
        assertEquals(List.of("password.currentWrong"), refused.problems());
        assertEquals(LoginResult.Outcome.SUCCESS, login(person, "First#Pass2026").outcome());
    }

    @Test
    void everyBrokenRuleIsReportedAtOnce() throws Exception {
        Person person = data.person("First#Pass2026", cheap);
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> change(person, "First#Pass2026", person.getLogin()));
        assertTrue(refused.problems().containsAll(
                List.of("password.tooFewClasses", "password.containsLogin")), refused.problems().toString());
        assertThrows(InvalidInputException.class, () -> change(person, "First#Pass2026", "Sh0rt!"));
    }

    @Test
    void theCurrentAndTheLastFivePasswordsCannotBeReused() throws Exception {
        Person person = data.person("Pass#0-2026", cheap);
        for (int i = 1; i <= 5; i++) {
            change(person, "Pass#" + (i - 1) + "-2026", "Pass#" + i + "-2026");
        }
        for (int i = 0; i <= 5; i++) {
            String old = "Pass#" + i + "-2026";
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> change(person, "Pass#5-2026", old), old);
            assertEquals(List.of("password.reused"), refused.problems());
        }
        change(person, "Pass#5-2026", "Pass#6-2026");
        change(person, "Pass#6-2026", "Pass#0-2026"); // six changes ago: forgotten, allowed again
    }

    @Test
    void aResetPasswordMustBeChangedAtTheNextLogin() throws Exception {
        Person person = data.person("First#Pass2026", cheap);
        assertFalse(login(person, "First#Pass2026").passwordChangeRequired());
        data.resetPassword(person, "Reset#Pass2026", cheap);
        LoginResult result = login(person, "Reset#Pass2026");
        assertEquals(LoginResult.Outcome.SUCCESS, result.outcome());
        assertTrue(result.passwordChangeRequired());
        change(person, "Reset#Pass2026", "Own#Choice2026");
        assertFalse(login(person, "Own#Choice2026").passwordChangeRequired());
    }

    @Test
    void passwordsExpireAfterNinetyDaysAndAreWarnedAboutSevenDaysAhead() throws Exception {
        Person person = data.person("First#Pass2026", cheap);
        data.agePassword(person, 84);
        assertTrue(AsPerson.call(person, () -> accounts.passwordStatus()).warn());
        assertFalse(login(person, "First#Pass2026").passwordChangeRequired());
        data.agePassword(person, 6);
        assertTrue(login(person, "First#Pass2026").passwordChangeRequired());
        assertTrue(AsPerson.call(person, () -> accounts.passwordStatus()).mustChangeNow());
    }

    /** S2: a password's age is counted on the office clock, like every other "now" (no row is back-dated here). */
    @Test
    void aPasswordExpiresWhenTheOfficeClockPassesItsMaximumAge() throws Exception {
        Person person = data.person("First#Pass2026", cheap);
        try {
            clock.moveTo(clock.now().plus(Duration.ofDays(91)));
            assertTrue(AsPerson.call(person, () -> accounts.passwordStatus()).mustChangeNow());
            assertTrue(login(person, "First#Pass2026").passwordChangeRequired());
        } finally {
            clock.reset();
        }
        assertFalse(AsPerson.call(person, () -> accounts.passwordStatus()).mustChangeNow());
    }

    @Test
    void onlyTheSecurityAdministratorChangesThePolicyAndOnlyWithinRange() throws Exception {
        assertThrows(EJBAccessException.class,
                () -> sysAdmin.call(() -> policies.updatePasswordPolicy(8, 3, 5, 90, 60, 7)));
        assertThrows(EJBAccessException.class,
                () -> auditor.call(() -> policies.updatePasswordPolicy(8, 3, 5, 90, 60, 7)));

        assertThrows(InvalidInputException.class,
                () -> securityAdmin.call(() -> policies.updatePasswordPolicy(6, 3, 5, 90, 60, 7)));
        assertThrows(InvalidInputException.class,
                () -> securityAdmin.call(() -> policies.updatePasswordPolicy(8, 3, 5, 90, 120, 7)));
        assertEquals(8, accounts.passwordPolicy().getMinLength(), "a refused change leaves the policy as it was");

        try {
            PasswordPolicy changed = securityAdmin.call(() -> policies.updatePasswordPolicy(10, 3, 5, 90, 60, 7));
            assertEquals(10, changed.getMinLength());
            assertEquals(10, accounts.passwordPolicy().getMinLength());
            List<AuditRecord> records = auditor.call(() -> audit.search(
                    new AuditQuery(null, null, null, AuditEvent.POLICY_CHANGE, AuditOutcome.SUCCESS), 1));
            assertTrue(records.get(0).getDetail().contains("length>=8") && records.get(0).getDetail().contains("length>=10"),
                    records.get(0).getDetail());
        } finally {
            securityAdmin.call(() -> policies.updatePasswordPolicy(8, 3, 5, 90, 60, 7));
        }
    }

    /**
     * S2 (OWASP ASVS 2.1.7): a password from the lists of common and breached passwords is refused with its own
     * message while the policy says so (the default); the security administrator may switch the check off.
     */
    @Test
    void aCommonOrBreachedPasswordIsRefusedWhileThePolicyChecksForIt() throws Exception {
        Person person = data.person("First#Pass2026", cheap);
        assertTrue(accounts.passwordPolicy().isRejectCommon());
        InvalidInputException refused = assertThrows(InvalidInputException.class,
                () -> change(person, "First#Pass2026", "Password2026!"));
        assertEquals(List.of("password.common"), refused.problems());
        try {
            securityAdmin.call(() -> policies.updatePasswordPolicy(8, 3, 5, 90, 60, 7, false));
            change(person, "First#Pass2026", "Password2026!");
            assertEquals(LoginResult.Outcome.SUCCESS, login(person, "Password2026!").outcome());
        } finally {
            securityAdmin.call(() -> policies.updatePasswordPolicy(8, 3, 5, 90, 60, 7, true));
        }
    }
}
