package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Checks login credentials against the directory (S2, S3). Used by the identity store of the login form, before
 * anyone is authenticated, hence {@link PermitAll}.
 */
@Stateless
@PermitAll
public class AccountService {

    private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

    @PersistenceContext
    private EntityManager em;

    private final PasswordHasher hasher = PasswordHasher.current();

    /** Verified against when the login name is unknown, so that a wrong name costs as long as a wrong password. */
    private String decoyHash;

    @PostConstruct
    void prepareDecoy() {
        decoyHash = hasher.hash("decoy-password-not-used".toCharArray());
    }

    /**
     * Returns the caller when the login name belongs to an active person whose password matches. A hash made with
     * weaker parameters than today's is replaced by a new one on the way. The result does not tell an unknown name
     * from a wrong password.
     */
    public Optional<AuthenticatedCaller> authenticate(String login, char[] password) {
        try {
            Optional<Person> found = em.createNamedQuery(Person.BY_LOGIN, Person.class)
                    .setParameter("login", Person.normaliseLogin(login))
                    .getResultStream()
                    .findFirst();
            if (found.isEmpty() || !found.get().canLogIn()) {
                hasher.verify(password, decoyHash);
                return Optional.empty();
            }
            Person person = found.get();
            if (!hasher.verify(password, person.getPasswordHash())) {
                return Optional.empty();
            }
            if (hasher.needsRehash(person.getPasswordHash())) {
                person.changePasswordHash(hasher.hash(password));
                LOG.info(() -> "password hash of " + person.getLogin() + " upgraded to " + hasher.parameters());
            }
            return Optional.of(new AuthenticatedCaller(person.getLogin(), person.roleSet()));
        } finally {
            Arrays.fill(password, '\0');
        }
    }
}
