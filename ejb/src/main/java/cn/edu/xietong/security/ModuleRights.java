package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which modules each unit may use (O2.7, S3). The system administrator sets them on the top-level units; sub-offices
 * follow their unit. Every module's services call {@link #require} before they do anything, so a unit without the
 * module is refused on the server, whatever the menu shows. Changes are audited with before → after (S5).
 */
@Stateless
@RolesAllowed("STAFF")
public class ModuleRights {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** The modules the caller's unit may use. */
    public Set<Module> mine() {
        return directory.me().getUnit().usableModules();
    }

    /**
     * Refuses the call unless the caller's unit may use the module.
     *
     * @throws EJBAccessException when it may not
     */
    public void require(Module module) {
        check(directory.me().getUnit(), module);
    }

    /**
     * The same refusal for a service that already holds the caller's unit: called inside that service, the refusal
     * reaches its client as it is, not wrapped by a nested bean call.
     *
     * @throws EJBAccessException when the unit may not use the module
     */
    public static void check(Unit unit, Module module) {
        if (!unit.mayUse(module)) {
            throw new EJBAccessException("unit " + unit.getCode() + " may not use " + module);
        }
    }

    /** The top-level units with their modules, for the administrator's matrix. */
    @RolesAllowed("SYS_ADMIN")
    public List<Unit> units() {
        return em.createNamedQuery(Unit.ALL, Unit.class).getResultStream().filter(u -> u.getParent() == null).toList();
    }

    /**
     * Sets the modules a top-level unit may use.
     *
     * @throws InvalidInputException {@code modules.unknownUnit}, {@code modules.subOffice}
     */
    @RolesAllowed("SYS_ADMIN")
    public void allow(long unitId, Set<Module> modules) {
        Unit unit = em.find(Unit.class, unitId);
        if (unit == null) {
            throw new InvalidInputException(List.of("modules.unknownUnit"));
        }
        if (unit.getParent() != null) {
            throw new InvalidInputException(List.of("modules.subOffice"));
        }
        Set<Module> before = unit.usableModules();
        Set<Module> after = modules.isEmpty() ? EnumSet.noneOf(Module.class) : EnumSet.copyOf(modules);
        if (before.equals(after)) {
            return;
        }
        unit.allowModules(after);
        audit.record(AuditEvent.MODULE_RIGHTS, AuditOutcome.SUCCESS, context.getCallerPrincipal().getName(), null,
                unit.getCode() + ": " + names(before) + " -> " + names(after));
    }

    private static String names(Set<Module> modules) {
        return new TreeSet<>(modules.stream().map(Enum::name).toList()).toString();
    }
}
