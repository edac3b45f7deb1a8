package cn.edu.xietong.security;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The unit security check (O3.4): a unit's IT staff see the risks among their unit's members (and its sub-offices'):
 * expired or soon-expiring passwords, pending forced changes, privileged members without a second factor, members
 * whose recertification is overdue or who were reported as leavers (O3.2), dormant accounts. Only the UNIT_IT of that unit (or of a unit above it) may run it; the unit is checked on the server.
 */
@Stateless
@RolesAllowed("UNIT_IT")
public class UnitSecurityCheck {

    /** No login for this long makes an account dormant. */
    public static final Duration DORMANT = Duration.ofDays(30);

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    /** The units the caller looks after as UNIT_IT. */
    public List<Unit> myUnits() {
        return caller().scopesOf(Role.UNIT_IT);
    }

    /**
     * The members of the unit and its sub-units that carry at least one risk, with their risks.
     *
     * @throws EJBAccessException when the caller is not UNIT_IT of that unit or of a unit above it
     */
    public List<UnitRisk> check(long unitId) {
        Unit unit = em.find(Unit.class, unitId);
        if (unit == null || !caller().holdsFor(Role.UNIT_IT, unit)) {
            throw new EJBAccessException("not UNIT_IT of unit " + unitId);
        }
        List<Long> units = UnitScope.unitAndBelow(em, unit);
        PasswordPolicy policy = em.find(PasswordPolicy.class, PasswordPolicy.ID);
        Instant now = clock.now();
        Set<Long> enrolled = new HashSet<>(em.createNamedQuery(SecondFactor.ENROLLED_IN_UNITS, Long.class)
                .setParameter("units", units).getResultList());
        List<UnitRisk> found = new ArrayList<>();
        Map<Long, Credential> credentials = byPerson(em.createNamedQuery(Credential.IN_UNITS, Credential.class)
                .setParameter("units", units).getResultList(), c -> c.getPerson().getId());
        Map<Long, SessionRecord> sessions = byPerson(em.createNamedQuery(SessionRecord.IN_UNITS, SessionRecord.class)
                .setParameter("units", units).getResultList(), s -> s.getPerson().getId());
        Map<Long, MembershipReview> reviews = byPerson(em.createNamedQuery(MembershipReview.IN_UNITS,
                MembershipReview.class).setParameter("units", units).getResultList(), r -> r.getPerson().getId());
        for (Person p : em.createNamedQuery(Person.IN_UNITS, Person.class).setParameter("units", units).getResultList()) {
            List<String> risks = risks(p, credentials.get(p.getId()), sessions.get(p.getId()),
                    reviews.getOrDefault(p.getId(), new MembershipReview(p)), policy, now, enrolled.contains(p.getId()));
            if (!risks.isEmpty()) {
                found.add(new UnitRisk(p, risks));
            }
        }
        return found;
    }

    private static <T> Map<Long, T> byPerson(List<T> rows, Function<T, Long> personId) {
        return rows.stream().collect(Collectors.toMap(personId, r -> r));
    }

    /**
     * The person's risks, from what the security area keeps about them: their password ({@code null} if none was
     * ever set), their sessions ({@code null} if they never logged in) and their membership review.
     */
    static List<String> risks(Person p, Credential credential, SessionRecord sessions, MembershipReview review,
                              PasswordPolicy policy, Instant now, boolean secondFactor) {
        List<String> risks = new ArrayList<>();
        if (policy.expired(credential, now)) {
            risks.add("risk.passwordExpired");
        } else if (policy.warn(credential, now)) {
            risks.add("risk.passwordExpiring");
        }
        if (credential != null && credential.isMustChangePassword()) {
            risks.add("risk.mustChange");
        }
        if (PasswordPolicy.privileged(p) && !secondFactor) {
            risks.add("risk.noSecondFactor");
        }
        if (!now.isBefore(policy.recertificationDue(review))) {
            risks.add("risk.unconfirmed");
        }
        if (review.isLeaverReported()) {
            risks.add("risk.leaverReported");
        }
        Instant lastLogin = sessions == null ? null : sessions.getLastLoginAt();
        if (lastLogin == null) {
            risks.add("risk.neverLoggedIn");
        } else if (lastLogin.isBefore(now.minus(DORMANT))) {
            risks.add("risk.dormant");
        }
        return risks;
    }

    /** The logged-in person (the directory checks that there is one). */
    private Person caller() {
        return directory.me();
    }
}
