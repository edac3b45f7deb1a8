package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.it.support.Deployments;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.AccountService;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.LoginPolicy;
import cn.edu.xietong.security.LoginResult.Outcome;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * S2, S3: guessing is stopped. Each test uses its own login names and its own client address (documentation ranges
 * of RFC 5737), so no test's failures count against another's.
 */
@ExtendWith(ArquillianExtension.class)
class LoginLockoutIT {

    @Deployment
    static EnterpriseArchive deployment() {
        return Deployments.withTests(LoginLockoutIT.class);
    }

    @EJB
    private AccountService accounts;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private static String address() {
        return "203.0.113." + (1 + (UUID.randomUUID().hashCode() & 0x7f));
    }

    private Outcome login(String name, String password, String address) {
        return accounts.logIn(name, password.toCharArray(), address).outcome();
    }

    @Test
    void theFifthWrongPasswordLocksTheAccountEvenAgainstTheRightOne() {
        Person person = data.person("Right#Pass2026", cheap);
        String address = address();
        for (int i = 1; i <= 4; i++) {
            assertEquals(Outcome.INVALID, login(person.getLogin(), "wrong", address), "attempt " + i);
        }
        assertEquals(Outcome.LOCKED, login(person.getLogin(), "wrong", address));
        assertEquals(Outcome.LOCKED, login(person.getLogin(), "Right#Pass2026", address));
    }

    @Test
    void theLockIsReleasedWhenItsTimeHasPassedAndASuccessClearsTheCount() {
        Person person = data.person("Right#Pass2026", cheap);
        String address = address();
        for (int i = 0; i < 5; i++) {
            login(person.getLogin(), "wrong", address);
        }
        assertEquals(Outcome.LOCKED, login(person.getLogin(), "Right#Pass2026", address));

        data.letLockExpire(person.getLogin());
        assertEquals(Outcome.SUCCESS, login(person.getLogin(), "Right#Pass2026", address));
        for (int i = 1; i <= 4; i++) {
            assertEquals(Outcome.INVALID, login(person.getLogin(), "wrong", address),
                    "after a success the count starts again, attempt " + i);
        }
    }

    @Test
    void anUnknownNameIsLockedJustLikeARealOneSoLockingRevealsNothing() {
        String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
        String address = address();
        for (int i = 1; i <= 4; i++) {
            assertEquals(Outcome.INVALID, login(nobody, "wrong", address));
        }
        assertEquals(Outcome.LOCKED, login(nobody, "wrong", address));
    }

    @Test
    void tooManyFailuresFromOneAddressBlockItForEveryNameButNotOtherAddresses() {
        Person person = data.person("Right#Pass2026", cheap);
        String address = "198.18.0." + (1 + (UUID.randomUUID().hashCode() & 0x7f));
        // 20 in production; the test server allows more, since all its browser tests come from one address
        for (int i = 0; i < LoginPolicy.current().clientMaxFailures(); i++) {
            login("guess-" + i + "-" + UUID.randomUUID().toString().substring(0, 6), "wrong", address);
        }
        assertEquals(Outcome.THROTTLED, login(person.getLogin(), "Right#Pass2026", address));
        assertEquals(Outcome.SUCCESS, login(person.getLogin(), "Right#Pass2026", "198.18.1.1"));
    }
}
