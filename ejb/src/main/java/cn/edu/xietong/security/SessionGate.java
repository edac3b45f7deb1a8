package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.util.List;

/**
 * Decides at each request whether a logged-in session goes on (S2, S3; ASVS 3.3): not once the account is
 * deactivated, its password reset or changed elsewhere, or its roles changed; not once a newer login began, when the
 * policy allows one session per account; not beyond the policy's absolute lifetime. One query per request, straight
 * from the database (no cached entity), so a change made on one server of a cluster ends the sessions on all of them.
 * Called by the web layer's filter for every request of a logged-in person, hence {@link PermitAll}.
 */
@Stateless
@PermitAll
public class SessionGate {

    /** One round trip: the person's session record, whether they are active, and the policy's session rules. */
    private static final String STATE = "select p.active, s.sessionMarker, s.sessionEpoch, s.sessionsEndedBy,"
            + " pol.singleSession, pol.sessionLifetimeHours from SessionRecord s join s.person p, PasswordPolicy pol"
            + " where p.login = :login and pol.id = :policy";

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    /**
     * Why the session must end now, or {@code null} if it goes on. An account that no longer exists, or has no session
     * record (every login makes one), has no session that could go on: it counts as deactivated.
     */
    public SessionEnd check(String login, SessionStamp stamp) {
        List<Object[]> rows = em.createQuery(STATE, Object[].class)
                .setParameter("login", Person.normaliseLogin(login))
                .setParameter("policy", PasswordPolicy.ID)
                .getResultList();
        if (rows.isEmpty()) {
            return SessionEnd.DEACTIVATED;
        }
        Object[] row = rows.get(0);
        return new SessionState((Boolean) row[0], (String) row[1], ((Number) row[2]).longValue(), (SessionEnd) row[3],
                (Boolean) row[4], Duration.ofHours(((Number) row[5]).longValue())).end(stamp, clock.now());
    }
}
