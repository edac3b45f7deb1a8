package cn.edu.xietong.operations;

import java.util.Map;

/**
 * Whether the server can reach what it depends on (O2.5).
 *
 * @param checks each dependency ("database", "mail") and whether it answered
 */
public record Health(Map<String, Check> checks) {

    public record Check(boolean up, String detail) {
    }

    public Health {
        checks = Map.copyOf(checks);
    }

    public boolean up() {
        return checks.values().stream().allMatch(Check::up);
    }
}
