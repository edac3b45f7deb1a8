package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Role;

import java.util.List;

/**
 * Who handles a node: a type with what it needs (logins for PERSON and INITIATOR_CHOICE, a role, a unit code for
 * UNIT_ROLE, the key of the form's UNIT field for FIELD_UNIT_ROLE).
 */
public record HandlerRule(HandlerType type, List<String> logins, Role role, String unitCode, String field) {

    public HandlerRule {
        logins = logins == null ? List.of() : List.copyOf(logins);
    }

    /** A rule naming no form field. */
    public HandlerRule(HandlerType type, List<String> logins, Role role, String unitCode) {
        this(type, logins, role, unitCode, null);
    }

    public static HandlerRule people(String... logins) {
        return new HandlerRule(HandlerType.PERSON, List.of(logins), null, null);
    }

    public static HandlerRule initiatorUnit(Role role) {
        return new HandlerRule(HandlerType.INITIATOR_UNIT_ROLE, List.of(), role, null);
    }

    public static HandlerRule unitRole(Role role, String unitCode) {
        return new HandlerRule(HandlerType.UNIT_ROLE, List.of(), role, unitCode);
    }

    /** Holders of a unit role in the unit the form's UNIT field {@code fieldKey} names. */
    public static HandlerRule fieldUnit(Role role, String fieldKey) {
        return new HandlerRule(HandlerType.FIELD_UNIT_ROLE, List.of(), role, null, fieldKey);
    }

    public static HandlerRule schoolLeader() {
        return new HandlerRule(HandlerType.SCHOOL_LEADER, List.of(), null, null);
    }

    public static HandlerRule initiatorChooses(String... candidates) {
        return new HandlerRule(HandlerType.INITIATOR_CHOICE, List.of(candidates), null, null);
    }
}
