package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.presence.LastSeen;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.Recertification;
import cn.edu.xietong.security.SessionEnd;
import cn.edu.xietong.security.SessionRecord;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue #12: what the person row held about a person's password, sessions, presence and recertification is kept by
 * the areas that own it (security's Credential, SessionRecord, MembershipReview; presence's LastSeen), and the
 * services carry every value through them: S2 (password, forced change, history), S3 (sessions), B1 (last seen),
 * O3.2 (leaver report). PersonSplitMigrationTest proves that V24 moves the values of an existing database.
 */
@ExtendWith(ArquillianExtension.class)
class PersonSplitIT {

    private static final String PASSWORD = "Split#Person2026";
    private static final String ADDRESS = "192.0.2.124";

    @EJB
    private Authentication accounts;

    @EJB
    private AccountAdministration administration;

    @EJB
    private Recertification recertification;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private LoginResult login(Person person, String password) {
        return accounts.logIn(person.getLogin(), password.toCharArray(), ADDRESS);
    }

    @Test
    void aResetPasswordLogsInMustBeChangedAndIsRememberedAgainstReuse() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        assertNull(data.sessions(person), "no session record before the first login");
        data.resetPassword(person, "Temporary#2026x", cheap);
        assertTrue(data.credential(person).isMustChangePassword());

        LoginResult first = login(person, "Temporary#2026x");
        assertEquals(LoginResult.Outcome.SUCCESS, first.outcome());
        assertTrue(first.passwordChangeRequired(), "the forced change is read from the credential");
        SessionRecord sessions = data.sessions(person);
        assertNotNull(sessions.getLastLoginAt());
        assertEquals(sessions.getLastLoginAt(), data.lastSeen(person), "a login makes the person online (B1)");
        assertTrue(LastSeen.online(data.lastSeen(person), Instant.now()));
        long epoch = sessions.getSessionEpoch();

        long changed = AsPerson.call(person, () -> accounts.changePassword("Temporary#2026x".toCharArray(),
                "Chosen#Pass2026".toCharArray()));
        assertEquals(epoch + 1, changed, "a change ends the other sessions");
        assertEquals(SessionEnd.PASSWORD_CHANGED, data.sessions(person).getSessionsEndedBy());
        assertFalse(data.credential(person).isMustChangePassword());
        assertEquals(3, data.credential(person).recentPasswordHashes().size(), "current, temporary, first");
        assertEquals(List.of("password.reused"), assertThrows(InvalidInputException.class,
                () -> AsPerson.call(person, () -> accounts.changePassword("Chosen#Pass2026".toCharArray(),
                        PASSWORD.toCharArray()))).problems(), "the first password is still in the history");
        assertEquals(LoginResult.Outcome.INVALID, login(person, PASSWORD).outcome());
        assertEquals(LoginResult.Outcome.SUCCESS, login(person, "Chosen#Pass2026").outcome());
    }

    @Test
    void deactivationEndsTheSessionsAndSettlesALeaverReport() throws Exception {
        Unit unit = data.unit();
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person admin = data.personIn(data.unit(), PASSWORD, cheap, Role.SYS_ADMIN);
        Person leaving = data.personIn(unit, PASSWORD, cheap);
        assertEquals(LoginResult.Outcome.SUCCESS, login(leaving, PASSWORD).outcome());
        long epoch = data.sessions(leaving).getSessionEpoch();

        AsPerson.run(it, () -> recertification.reportLeaver(unit.getId(), leaving.getLogin(), "调往外校"));
        assertEquals("调往外校", data.review(leaving).getLeaverReason());
        assertEquals(data.reload(leaving).getCreatedAt(), data.review(leaving).getConfirmedAt(),
                "the approval of the account stays its confirmation");

        AsPerson.run(admin, () -> administration.deactivate(leaving.getLogin(), "left the university"));
        assertNull(data.review(leaving).getLeaverReportedAt());
        assertEquals(epoch + 1, data.sessions(leaving).getSessionEpoch());
        assertEquals(SessionEnd.DEACTIVATED, data.sessions(leaving).getSessionsEndedBy());
        assertFalse(AsPerson.call(admin, () -> recertification.reportedLeavers()).stream()
                .anyMatch(r -> r.getPerson().getLogin().equals(leaving.getLogin())));
    }
}
