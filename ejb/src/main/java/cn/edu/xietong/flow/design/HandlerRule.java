package cn.edu.xietong.flow.design;

import cn.edu.xietong.directory.Role;

import java.util.List;

/** Who handles a node: a type with what it needs (logins for PERSON and INITIATOR_CHOICE, a role, a unit code). */
public record HandlerRule(HandlerType type, List<String> logins, Role role, String unitCode) {

    public HandlerRule {
        logins = logins == null ? List.of() : List.copyOf(logins);
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

    public static HandlerRule schoolLeader() {
        return new HandlerRule(HandlerType.SCHOOL_LEADER, List.of(), null, null);
    }

    public static HandlerRule initiatorChooses(String... candidates) {
        return new HandlerRule(HandlerType.INITIATOR_CHOICE, List.of(candidates), null, null);
    }
}
