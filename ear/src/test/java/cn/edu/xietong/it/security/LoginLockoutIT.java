package cn.edu.xietong.it.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginPolicy;
import cn.edu.xietong.security.LoginResult.Outcome;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditRecord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S2, S3: guessing is stopped. Each test uses its own login names and its own client address (documentation ranges
 * of RFC 5737), so no test's failures count against another's.
 */
@ExtendWith(ArquillianExtension.class)
class LoginLockoutIT {

    @EJB
    private Authentication accounts;

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

    /**
     * S2: fifty guesses at once for a name that has never failed are all counted, and the lock holds from the fifth:
     * no password is checked once five failures are counted. Each guess is a real concurrent call of the login
     * service from its own thread; the audit trail shows what each one did (a checked password fails as FAILURE, a
     * refusal before any check is DENIED).
     */
    @Test
    void fiftyConcurrentGuessesAreAllCountedAndOnlyFivePasswordsAreChecked() throws Exception {
        Person person = data.person("Right#Pass2026", PasswordHasher.current()); // a real hash: checks take time
        String name = person.getLogin();
        String address = address();
        int guesses = 50;
        ExecutorService threads = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome>> results = new ArrayList<>();
        try {
            for (int i = 0; i < guesses; i++) {
                String guess = "wrong-" + i;
                results.add(threads.submit((Callable<Outcome>) () -> {
                    start.await();
                    return login(name, guess, address);
                }));
            }
            start.countDown();
            int invalid = 0;
            int locked = 0;
            for (Future<Outcome> result : results) {
                Outcome outcome = result.get(120, TimeUnit.SECONDS); // an exception here: a guess was lost
                if (outcome == Outcome.INVALID) {
                    invalid++;
                } else if (outcome == Outcome.LOCKED) {
                    locked++;
                }
            }
            assertEquals(guesses, invalid + locked, "every guess is answered as wrong or locked");
            assertEquals(4, invalid, "the fifth failure already answers LOCKED");
        } finally {
            threads.shutdownNow();
        }
        List<AuditRecord> attempts = data.audits(AuditEvent.LOGIN, name);
        assertEquals(guesses, attempts.size(), "every guess is counted in the audit trail");
        assertEquals(5, attempts.stream().filter(r -> r.getOutcome() == AuditOutcome.FAILURE).count(),
                "exactly five passwords were checked");
        assertEquals(guesses - 5, attempts.stream().filter(r -> r.getOutcome() == AuditOutcome.DENIED).count(),
                "every later guess was refused before its password was looked at");
        assertEquals(Outcome.LOCKED, login(name, "Right#Pass2026", address));
        assertEquals(1, data.audits(AuditEvent.LOCKOUT, name).size(), "the name was locked once");
    }
}
