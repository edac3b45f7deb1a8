package cn.edu.xietong.search;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Who may find an item, as words stored with it: "all" (the whole school), "unit:12" (a unit and every unit below
 * it), "role:UNIT_IT", "person:5", "mailbox:5" (the mail in person 5's mailbox). A searcher holds the tokens of
 * everything they belong to, computed on the server from the directory; a hit needs one token in common.
 */
public final class AccessTokens {

    public static final String ALL = "all";

    private AccessTokens() {
    }

    public static String unit(long unitId) {
        return "unit:" + unitId;
    }

    public static String role(Role role) {
        return "role:" + role.name();
    }

    public static String person(long personId) {
        return "person:" + personId;
    }

    public static String mailbox(long personId) {
        return "mailbox:" + personId;
    }

    /** Held by the IT staff of a unit (and of the units above it, who look after it too). */
    public static String unitIt(long unitId) {
        return "it:" + unitId;
    }

    /** The searcher's tokens: everyone's, their own, their roles', and their unit's and every unit above it. */
    public static Set<String> of(Person person) {
        Set<String> tokens = new LinkedHashSet<>();
        tokens.add(ALL);
        tokens.add(person(person.getId()));
        tokens.add(mailbox(person.getId()));
        person.roleSet().forEach(r -> tokens.add(role(r)));
        for (Unit u = person.getUnit(); u != null; u = u.getParent()) {
            tokens.add(unit(u.getId()));
        }
        person.scopesOf(Role.UNIT_IT).forEach(u -> tokens.add(unitIt(u.getId())));
        return tokens;
    }
}
