package cn.edu.xietong.notices;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Who may submit what for publication (B4): the system administrator grants and takes back the right for any unit,
 * a unit's IT staff for the units they look after (sub-offices included). Every change is audited.
 */
@Stateless
@RolesAllowed({"SYS_ADMIN", "UNIT_IT"})
public class PublishingRights {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private AuditTrail audit;

    @EJB
    private OfficeClock clock;

    /** The active categories, for choosing. */
    public List<CategoryLine> categories() {
        return em.createNamedQuery(NoticeCategory.ACTIVE, NoticeCategory.class).getResultStream()
                .map(CategoryLine::of).toList();
    }

    /** The units the caller looks after: every unit for the system administrator, their own (and below) for IT staff. */
    public List<UnitLine> units() {
        Person me = directory.me();
        return em.createNamedQuery(Unit.ALL, Unit.class).getResultStream().filter(u -> looksAfter(me, u))
                .map(UnitLine::of).toList();
    }

    /** The rights held for the units the caller looks after, by unit, category and name. */
    public List<RightLine> rights() {
        Person me = directory.me();
        return em.createQuery("select r from PublishingRight r join fetch r.person join fetch r.unit"
                        + " join fetch r.category order by r.unit.code, r.category.code, r.person.login",
                        PublishingRight.class).getResultStream().filter(r -> looksAfter(me, r.getUnit()))
                .map(RightLine::of).toList();
    }

    public void grant(String login, long unitId, long categoryId) {
        Person me = directory.me();
        Unit unit = managed(me, unitId);
        Person person = Person.byLogin(em, login).filter(Person::isActive)
                .orElseThrow(() -> new DomainException("notice.noSuchPerson", login));
        NoticeCategory category = em.find(NoticeCategory.class, categoryId);
        if (category == null) {
            throw new DomainException("notice.noSuchCategory");
        }
        boolean held = em.createNamedQuery(PublishingRight.HOLDS, Long.class).setParameter("person", person.getId())
                .setParameter("unit", unitId).setParameter("category", categoryId).getSingleResult() > 0;
        if (!held) {
            em.persist(new PublishingRight(person, unit, category, clock.now(), me.getLogin()));
            audit.record(AuditEvent.ROLE_GRANT, AuditOutcome.SUCCESS, me.getLogin(), null,
                    "publishing right: " + login + " may submit " + category.getCode() + " for " + unit.getCode());
        }
    }

    public void revoke(String login, long unitId, long categoryId) {
        Person me = directory.me();
        Unit unit = managed(me, unitId);
        int removed = em.createQuery("delete from PublishingRight r where r.person.login = :login"
                        + " and r.unit.id = :unit and r.category.id = :category")
                .setParameter("login", login).setParameter("unit", unitId).setParameter("category", categoryId)
                .executeUpdate();
        if (removed > 0) {
            audit.record(AuditEvent.ROLE_REVOKE, AuditOutcome.SUCCESS, me.getLogin(), null,
                    "publishing right taken back: " + login + " for " + categoryId + " of " + unit.getCode());
        }
    }

    private Unit managed(Person me, long unitId) {
        Unit unit = em.find(Unit.class, unitId);
        if (unit == null || !looksAfter(me, unit)) {
            throw new EJBAccessException(me.getLogin() + " does not look after unit " + unitId);
        }
        return unit;
    }

    private static boolean looksAfter(Person me, Unit unit) {
        return me.hasRole(Role.SYS_ADMIN) || me.holdsFor(Role.UNIT_IT, unit);
    }
}
