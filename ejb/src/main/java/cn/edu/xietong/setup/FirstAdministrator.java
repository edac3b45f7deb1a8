package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.PasswordPolicy;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Outside demo mode there is no default account. While the database has no system administrator, one is created at
 * start-up from the environment:
 * <ul>
 *     <li>{@code XIETONG_ADMIN_LOGIN} (or {@code -Dxietong.admin.login}) and {@code XIETONG_ADMIN_NAME} (optional),</li>
 *     <li>{@code XIETONG_ADMIN_PASSWORD}: environment only, at least 12 characters from 3 of the 4 classes.</li>
 * </ul>
 * The administrator's unit is the technology centre (现代教育技术中心), created if the directory is empty.
 */
@Singleton
@Startup
@DependsOn({"DatabaseMigrator", "DemoUniversity"})
public class FirstAdministrator {

    private static final Logger LOG = Logger.getLogger(FirstAdministrator.class.getName());
    static final int MINIMUM_LENGTH = 12;

    @PersistenceContext
    private EntityManager em;

    @PostConstruct
    void createIfNone() {
        if (!em.createNamedQuery(Person.BY_ROLE, Person.class).setParameter("role", Role.SYS_ADMIN)
                .setMaxResults(1).getResultList().isEmpty()) {
            return;
        }
        Optional<String> login = StartupMode.setting("xietong.admin.login", "XIETONG_ADMIN_LOGIN");
        Optional<char[]> password = StartupMode.secret("XIETONG_ADMIN_PASSWORD");
        if (login.isEmpty() || password.isEmpty()) {
            LOG.warning("No system administrator exists. Set XIETONG_ADMIN_LOGIN and XIETONG_ADMIN_PASSWORD in the "
                    + "environment and restart to create the first one (see README).");
            return;
        }
        char[] secret = password.get();
        try {
            if (!strongEnough(secret)) {
                LOG.severe("XIETONG_ADMIN_PASSWORD is too weak (at least " + MINIMUM_LENGTH
                        + " characters from three of: lower case, upper case, digits, symbols); no administrator created");
                return;
            }
            Unit unit = em.createNamedQuery(Unit.ALL, Unit.class).getResultStream()
                    .filter(u -> u.getCode().equals("ETC")).findFirst()
                    .orElseGet(() -> {
                        Unit centre = new Unit("ETC", "现代教育技术中心", "Modern Educational Technology Centre",
                                UnitKind.AFFILIATED);
                        em.persist(centre);
                        return centre;
                    });
            String name = StartupMode.setting("xietong.admin.name", "XIETONG_ADMIN_NAME").orElse("系统管理员");
            Person admin = new Person(login.get(), name, unit, null, Instant.now());
            admin.grant(Role.SYS_ADMIN);
            admin.newPassword(PasswordHasher.current().hash(secret), Instant.now(), 0);
            em.persist(admin);
            LOG.info(() -> "first system administrator '" + admin.getLogin() + "' created from the environment");
        } finally {
            Arrays.fill(secret, '\0');
        }
    }

    /** At least {@value #MINIMUM_LENGTH} characters drawn from three of the four character classes. */
    static boolean strongEnough(char[] password) {
        return password.length >= MINIMUM_LENGTH && PasswordPolicy.characterClasses(password) >= 3;
    }
}
