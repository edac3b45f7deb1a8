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
import java.util.Set;

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
        for (Person p : em.createNamedQuery(Person.IN_UNITS, Person.class).setParameter("units", units).getResultList()) {
            List<String> risks = risks(p, policy, now, enrolled.contains(p.getId()));
            if (!risks.isEmpty()) {
                found.add(new UnitRisk(p, risks));
            }
        }
        return found;
    }

    static List<String> risks(Person p, PasswordPolicy policy, Instant now, boolean secondFactor) {
        List<String> risks = new ArrayList<>();
        if (policy.expired(p, now)) {
            risks.add("risk.passwordExpired");
        } else if (policy.warn(p, now)) {
            risks.add("risk.passwordExpiring");
        }
        if (p.isMustChangePassword()) {
            risks.add("risk.mustChange");
        }
        if (PasswordPolicy.privileged(p) && !secondFactor) {
            risks.add("risk.noSecondFactor");
        }
        if (!now.isBefore(policy.recertificationDue(p))) {
            risks.add("risk.unconfirmed");
        }
        if (p.getLeaverReportedAt() != null) {
            risks.add("risk.leaverReported");
        }
        if (p.getLastLoginAt() == null) {
            risks.add("risk.neverLoggedIn");
        } else if (p.getLastLoginAt().isBefore(now.minus(DORMANT))) {
            risks.add("risk.dormant");
        }
        return risks;
    }

    /** The logged-in person (the directory checks that there is one). */
    private Person caller() {
        return directory.me();
    }
}
