package cn.edu.xietong.it.directory;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.presence.LastSeen;
import cn.edu.xietong.presence.PresenceTracker;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B1: a login and activity make a person online; a logout or five idle minutes make them offline. */
@ExtendWith(ArquillianExtension.class)
class PresenceIT {

    private static final String PASSWORD = "Presence#2026";

    @EJB
    private PresenceTracker presence;

    @EJB
    private Authentication accounts;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @Test
    void aLoginMakesAPersonOnlineAndALogoutOfflineAtOnce() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        assertFalse(LastSeen.online(data.lastSeen(person), Instant.now()), "never logged in");
        accounts.logIn(person.getLogin(), PASSWORD.toCharArray(), "192.0.2.95");
        Instant seen = data.lastSeen(person);
        assertTrue(LastSeen.online(seen, Instant.now()));
        assertEquals(data.sessions(person).getLastLoginAt(), seen);

        AsPerson.run(person, () -> presence.left());
        assertFalse(LastSeen.online(data.lastSeen(person), Instant.now()));
    }

    @Test
    void activityKeepsAPersonOnlineAndFiveIdleMinutesEndIt() throws Exception {
        Person person = data.person(PASSWORD, cheap);
        AsPerson.run(person, () -> presence.seen());
        Instant seen = data.lastSeen(person);
        assertNotNull(seen);
        assertTrue(LastSeen.online(seen, Instant.now().plusSeconds(299)));
        assertFalse(LastSeen.online(seen, Instant.now().plusSeconds(301)));
    }
}
