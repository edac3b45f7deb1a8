package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.security.EnrolmentDue;
import cn.edu.xietong.security.Credential;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.StartupMode;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.logging.Logger;

/**
 * Outside demo mode there is no default account. The three administrators of 三员 (S2, S3) — system, security and
 * audit administrator — are created at start-up from the environment, each for a seat nobody holds yet:
 * <ul>
 *     <li>{@code XIETONG_ADMIN_LOGIN}, {@code XIETONG_ADMIN_PASSWORD}, {@code XIETONG_ADMIN_NAME} (system),</li>
 *     <li>{@code XIETONG_SECURITY_ADMIN_LOGIN}, {@code _PASSWORD}, {@code _NAME} (security),</li>
 *     <li>{@code XIETONG_AUDIT_ADMIN_LOGIN}, {@code _PASSWORD}, {@code _NAME} (audit).</li>
 * </ul>
 * Logins and names may also be given as system properties ({@code -Dxietong.admin.login},
 * {@code -Dxietong.security-admin.login}, {@code -Dxietong.audit-admin.name} …), passwords only in the environment
 * (system properties show in process listings). The three logins must differ and be free; each password must satisfy
 * the stored password policy and in any case have at least {@value #MINIMUM_LENGTH} characters from three classes.
 * <p>
 * If anything is missing or wrong, <em>none</em> of the empty seats is filled and the log names every missing or
 * wrong variable (never a value); the server still starts, and a restart with the variables set creates them. All
 * or none, because only a security administrator can grant roles: a system administrator created alone would leave an
 * installation where 三员 can never be completed from inside, and the one who set it up would be tempted to run it
 * that way; and refusing to deploy would also stop an existing installation that already has its system
 * administrator (it then only needs the two new seats' variables). Seats already held need no variables.
 * <p>
 * Each administrator created here must choose a new password and enrol two-step verification at the first login,
 * whatever the policy says ({@link EnrolmentDue}): the values came through the environment of whoever deployed the
 * server. The administrators belong to the technology centre (现代教育技术中心), created if the directory is empty.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "DemoUniversity"})
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    static final int MINIMUM_LENGTH = 12;

    /** One of the three administrators: its role, the prefix of its variables and properties, its default name. */
    record Seat(Role role, String variables, String properties, String defaultName) {
    }

    static final List<Seat> SEATS = List.of(
            new Seat(Role.SYS_ADMIN, "XIETONG_ADMIN", "xietong.admin", "系统管理员"),
            new Seat(Role.SECURITY_ADMIN, "XIETONG_SECURITY_ADMIN", "xietong.security-admin", "安全管理员"),
            new Seat(Role.AUDIT_ADMIN, "XIETONG_AUDIT_ADMIN", "xietong.audit-admin", "审计管理员"));

    /** Where the settings come from: the process ({@link StartupMode}) or, in tests, given values. */
    public interface Environment {

        /** A setting from the system property, else from the environment variable. */
        Optional<String> setting(String property, String variable);

        /** A secret, from the environment variable only. */
        Optional<char[]> secret(String variable);
    }

    /** An administrator to create. */
    public record Administrator(Role role, String login, char[] password, String name) {
    }

    /** The administrators to create, or (then none) what is missing or wrong, each naming its variable. */
    public record Plan(List<Administrator> administrators, List<String> problems) {
    }

    private static final Environment PROCESS = new Environment() {
        @Override
        public Optional<String> setting(String property, String variable) {
            return StartupMode.setting(property, variable);
        }

        @Override
        public Optional<char[]> secret(String variable) {
            return StartupMode.secret(variable);
        }
    };

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void createIfNone() {
        Set<Role> empty = EnumSet.noneOf(Role.class);
        for (Seat seat : SEATS) {
            if (em.createNamedQuery(Person.BY_ROLE, Person.class).setParameter("role", seat.role())
                    .setMaxResults(1).getResultList().isEmpty()) {
                empty.add(seat.role());
            }
        }
        if (empty.isEmpty()) {
            return;
        }
        List<String> problems = create(empty, PROCESS);
        if (!problems.isEmpty()) {
            LOG.severe("No administrator created: " + empty + " must be created together (三员), but: "
                    + String.join("; ", problems) + ". Set the variables and restart (see README).");
        }
    }

    /**
     * Creates the administrators of the given seats from the environment, all or none.
     *
     * @return what is missing or wrong (then nobody was created); empty when all were created
     */
    public List<String> create(Set<Role> seats, Environment environment) {
        Plan plan = plan(seats, environment, em.find(PasswordPolicy.class, PasswordPolicy.ID),
                login -> Person.byLogin(em, login).isPresent());
        try {
            if (!plan.problems().isEmpty()) {
                return plan.problems();
            }
            Unit unit = technologyCentre();
            Instant now = clock.now();
            for (Administrator wanted : plan.administrators()) {
                Person admin = new Person(wanted.login(), wanted.name(), unit, null, now);
                admin.grant(wanted.role());
                em.persist(admin);
                Credential.initial(em, admin, PasswordHasher.current().hash(wanted.password()), now, true);
                em.flush();
                em.persist(new EnrolmentDue(admin, now));
                LOG.info(() -> wanted.role() + " '" + admin.getLogin() + "' created from the environment");
            }
            return List.of();
        } finally {
            plan.administrators().forEach(a -> Arrays.fill(a.password(), '\0'));
        }
    }

    /**
     * What to create for the given empty seats (in the order system, security, audit administrator), or what is
     * missing or wrong: a variable not set, a login that is not a valid login name, taken or given twice, a password
     * below the policy or the floor. Problems name variables only, never values.
     */
    static Plan plan(Set<Role> empty, Environment environment, PasswordPolicy policy, Predicate<String> loginTaken) {
        List<Administrator> administrators = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Set<String> logins = new HashSet<>();
        for (Seat seat : SEATS) {
            if (!empty.contains(seat.role())) {
                continue;
            }
            String loginVariable = seat.variables() + "_LOGIN";
            String passwordVariable = seat.variables() + "_PASSWORD";
            Optional<String> login = environment.setting(seat.properties() + ".login", loginVariable)
                    .map(Person::normaliseLogin);
            Optional<char[]> password = environment.secret(passwordVariable);
            if (login.isEmpty()) {
                problems.add(loginVariable + " is not set");
            } else if (!Person.validLogin(login.get())) {
                problems.add(loginVariable + " is not a valid login name (a letter, then letters, digits, . _ -)");
            } else if (!logins.add(login.get())) {
                problems.add(loginVariable + " is the login of another of the three administrators");
            } else if (loginTaken.test(login.get())) {
                problems.add(loginVariable + " names an existing account");
            }
            if (password.isEmpty()) {
                problems.add(passwordVariable + " is not set");
            } else {
                List<String> broken = new ArrayList<>(policy == null ? List.of()
                        : policy.violations(login.orElse(null), password.get()));
                if (!strongEnough(password.get()) && broken.isEmpty()) {
                    broken.add("below " + MINIMUM_LENGTH + " characters from three classes");
                }
                if (!broken.isEmpty()) {
                    problems.add(passwordVariable + " is too weak (" + String.join(", ", broken) + ")");
                }
            }
            String name = environment.setting(seat.properties() + ".name", seat.variables() + "_NAME")
                    .orElse(seat.defaultName());
            if (name.length() > 64) {
                problems.add(seat.variables() + "_NAME is longer than 64 characters");
            }
            if (login.isPresent() && password.isPresent()) {
                administrators.add(new Administrator(seat.role(), login.get(), password.get(), name));
            }
        }
        if (!problems.isEmpty()) {
            administrators.forEach(a -> Arrays.fill(a.password(), '\0'));
            return new Plan(List.of(), List.copyOf(problems));
        }
        return new Plan(List.copyOf(administrators), List.of());
    }

    /** At least {@value #MINIMUM_LENGTH} characters drawn from three of the four character classes. */
    static boolean strongEnough(char[] password) {
        return password.length >= MINIMUM_LENGTH && PasswordPolicy.characterClasses(password) >= 3;
    }

    private Unit technologyCentre() {
        return em.createNamedQuery(Unit.ALL, Unit.class).getResultStream()
                .filter(u -> u.getCode().equals("ETC")).findFirst()
                .orElseGet(() -> {
                    Unit centre = new Unit("ETC", "现代教育技术中心", "Modern Educational Technology Centre",
                            UnitKind.AFFILIATED);
                    em.persist(centre);
                    return centre;
                });
    }
}
