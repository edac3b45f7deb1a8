package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.security.SessionEnd;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.SessionGate;
import cn.edu.xietong.security.SessionStamp;
import cn.edu.xietong.setup.DemoUniversity;
import cn.edu.xietong.web.security.DirectoryIdentityStore;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Set;

import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.INVALID;
import static jakarta.security.enterprise.identitystore.CredentialValidationResult.Status.VALID;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S2, S3: the identity store behind the login form, in the real server against the real database: a right password
 * logs in with the person's roles as groups; anything else fails the same way, whether the name exists or not.
 */
@ExtendWith(ArquillianExtension.class)
class LoginIT {

    @Inject
    private DirectoryIdentityStore store;

    @EJB
    private TestData data;

    @EJB
    private Authentication accounts;

    @EJB
    private SessionGate sessions;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private CredentialValidationResult login(String name, String password) {
        return store.validate(new UsernamePasswordCredential(name, password));
    }

    @Test
    void demoLeaderLogsInWithHerRolesAsGroups() {
        CredentialValidationResult result = login("hanmei", DemoUniversity.DEFAULT_PASSWORD);
        assertEquals(VALID, result.getStatus());
        assertEquals("hanmei", result.getCallerPrincipal().getName());
        assertEquals(Set.of("STAFF", "UNIT_LEADER"), result.getCallerGroups());
    }

    @Test
    void loginNamesAreCaseInsensitive() {
        assertEquals(VALID, login("  HanMei ", DemoUniversity.DEFAULT_PASSWORD).getStatus());
    }

    @Test
    void wrongPasswordFails() {
        assertEquals(INVALID, login("hanmei", DemoUniversity.DEFAULT_PASSWORD + "x").getStatus());
        assertEquals(INVALID, login("hanmei", "").getStatus());
    }

    @Test
    void unknownNameFailsExactlyLikeAWrongPassword() {
        CredentialValidationResult unknown = login("nobody-here", DemoUniversity.DEFAULT_PASSWORD);
        assertEquals(INVALID, unknown.getStatus());
        assertEquals(login("hanmei", "wrong").getStatus(), unknown.getStatus());
    }

    @Test
    void deactivatedPersonCannotLogInWithTheRightPassword() {
        Person person = data.person("Right#Password1", cheap);
        assertEquals(VALID, login(person.getLogin(), "Right#Password1").getStatus());
        data.deactivate(person);
        assertEquals(INVALID, login(person.getLogin(), "Right#Password1").getStatus());
    }

    @Test
    void aHashMadeAtALowerCostIsUpgradedAtTheNextLogin() {
        Person person = data.person("Upgrade#Me2026", cheap);
        String before = data.credential(person).getPasswordHash();
        assertTrue(before.contains("m=1024,t=1,p=1"), before);

        assertEquals(VALID, login(person.getLogin(), "Upgrade#Me2026").getStatus());

        String after = data.credential(person).getPasswordHash();
        assertNotEquals(before, after);
        Argon2Parameters owasp = Argon2Parameters.OWASP;
        assertTrue(after.contains("m=" + owasp.memoryKiB() + ",t=" + owasp.iterations()), after);
        assertEquals(VALID, login(person.getLogin(), "Upgrade#Me2026").getStatus());
    }

    /**
     * S3 across a cluster: whether a session goes on is read from the database at each request, so a change another
     * server wrote ends the session at its next check here.
     */
    @Test
    void aSessionEndsAtItsNextCheckWhicheverServerWroteTheChange() {
        Person person = data.person("Right#Password1", cheap);
        SessionStamp stamp = accounts.logIn(person.getLogin(), "Right#Password1".toCharArray(), "192.0.2.7").session();
        assertNull(sessions.check(person.getLogin(), stamp), "a fresh session goes on");
        data.endSessionsElsewhere(person, SessionEnd.ROLES_CHANGED);
        assertEquals(SessionEnd.ROLES_CHANGED, sessions.check(person.getLogin(), stamp));
    }
}
