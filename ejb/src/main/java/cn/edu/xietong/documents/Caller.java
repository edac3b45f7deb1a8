package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;

import java.util.HashSet;
import java.util.Set;

/**
 * What the rights depend on about a person, by ids: their own unit and the units above it (membership counts upwards:
 * a sub-office's staff are members of its school), their roles, and the units they are IT staff for.
 */
public record Caller(long personId, Set<Long> units, Set<String> roles, Set<Long> itUnits) {

    public static Caller of(Person person) {
        return new Caller(person.getId(), chain(person.getUnit()),
                Set.copyOf(person.roleSet().stream().map(Role::name).toList()),
                Set.copyOf(person.scopesOf(Role.UNIT_IT).stream().map(Unit::getId).toList()));
    }

    /** The unit's id and those of every unit above it. */
    public static Set<Long> chain(Unit unit) {
        Set<Long> ids = new HashSet<>();
        for (Unit u = unit; u != null; u = u.getParent()) {
            ids.add(u.getId());
        }
        return Set.copyOf(ids);
    }

    public boolean has(Role role) {
        return roles.contains(role.name());
    }
}
