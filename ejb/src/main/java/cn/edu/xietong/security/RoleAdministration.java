package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.RoleGrant;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Roles are the security administrator's (separation of duties, 三员; O2.6, S3): granting and taking back roles,
 * unit-scoped ones for a unit. No one may hold two of the three administrator roles, and no security administrator
 * changes their own roles. Every change is in the person's history and the audit trail. A change takes effect at once:
 * the person's sessions end at their next request ({@code Person.grant}, {@code Person.revoke}; S3), and their next
 * login carries the new roles.
 */
@Stateless
@RolesAllowed("SECURITY_ADMIN")
public class RoleAdministration {

    /** The three administrators of 三员: no account holds more than one of them. */
    public static final Set<Role> ADMINISTRATORS = EnumSet.of(Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /**
     * Grants a role; a unit-scoped role (UNIT_LEADER, UNIT_IT) needs the unit, others must not have one.
     *
     * @throws InvalidInputException {@code role.notSelf}, {@code role.staff}, {@code role.unitRequired},
     *                               {@code role.noUnit}, {@code role.separationOfDuties}, {@code role.held},
     *                               {@code account.unknown}
     */
    public void grant(String login, Role role, Long unitId) {
        Person person = find(login);
        Unit scope = scope(role, unitId);
        if (ADMINISTRATORS.contains(role)
                && person.roleSet().stream().anyMatch(r -> r != role && ADMINISTRATORS.contains(r))) {
            throw new InvalidInputException(List.of("role.separationOfDuties"));
        }
        RoleGrant grant = new RoleGrant(role, scope);
        if (person.getRoles().contains(grant)) {
            throw new InvalidInputException(List.of("role.held"));
        }
        if (scope == null) {
            person.grant(role);
        } else {
            person.grant(role, scope);
        }
        SessionRecord.endSessions(em, person, SessionEnd.ROLES_CHANGED);
        changed(person, PersonChange.Kind.ROLE_GRANT, null, describe(role, scope), AuditEvent.ROLE_GRANT);
    }

    /** @throws InvalidInputException {@code role.notSelf}, {@code role.staff}, {@code role.notHeld} */
    public void revoke(String login, Role role, Long unitId) {
        Person person = find(login);
        Unit scope = scope(role, unitId);
        if (!person.revoke(role, scope)) {
            throw new InvalidInputException(List.of("role.notHeld"));
        }
        SessionRecord.endSessions(em, person, SessionEnd.ROLES_CHANGED);
        changed(person, PersonChange.Kind.ROLE_REVOKE, describe(role, scope), null, AuditEvent.ROLE_REVOKE);
    }

    private Unit scope(Role role, Long unitId) {
        if (role == null || role == Role.STAFF) {
            throw new InvalidInputException(List.of("role.staff"));
        }
        if (role.isUnitScoped()) {
            Unit unit = unitId == null ? null : em.find(Unit.class, unitId);
            if (unit == null) {
                throw new InvalidInputException(List.of("role.unitRequired"));
            }
            return unit;
        }
        if (unitId != null) {
            throw new InvalidInputException(List.of("role.noUnit"));
        }
        return null;
    }

    private static String describe(Role role, Unit scope) {
        return scope == null ? role.name() : role.name() + "@" + scope.getCode();
    }

    private void changed(Person person, PersonChange.Kind kind, String before, String after, AuditEvent event) {
        em.persist(new PersonChange(person, clock.now(), caller(), kind, before, after, null));
        audit.record(event, AuditOutcome.SUCCESS, caller(), null,
                person.getLogin() + ": " + (before != null ? "-" + before : "+" + after));
    }

    private Person find(String login) {
        Person person = Person.byLogin(em, login)
                .orElseThrow(() -> new InvalidInputException(List.of("account.unknown")));
        if (person.getLogin().equals(caller())) {
            throw new InvalidInputException(List.of("role.notSelf"));
        }
        return person;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
