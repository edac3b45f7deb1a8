package cn.edu.xietong.directory;

import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/** Which units a unit-scoped role reaches: the unit it was granted for and every unit below it. */
public final class UnitScope {

    private UnitScope() {
    }

    /** The ids of {@code unit} and of all its sub-units, at any depth. */
    public static List<Long> unitAndBelow(EntityManager em, Unit unit) {
        List<Unit> all = em.createNamedQuery(Unit.ALL, Unit.class).getResultList();
        List<Long> ids = new ArrayList<>();
        collect(unit, all, ids);
        return ids;
    }

    /** The ids of every unit {@code person} holds {@code role} for, with their sub-units. */
    public static List<Long> reachOf(EntityManager em, Person person, Role role) {
        List<Long> ids = new ArrayList<>();
        person.scopesOf(role).forEach(scope -> unitAndBelow(em, scope).stream().filter(id -> !ids.contains(id))
                .forEach(ids::add));
        return ids;
    }

    private static void collect(Unit unit, List<Unit> all, List<Long> into) {
        into.add(unit.getId());
        for (Unit u : all) {
            if (u.getParent() != null && u.getParent().getId().equals(unit.getId())) {
                collect(u, all, into);
            }
        }
    }
}
