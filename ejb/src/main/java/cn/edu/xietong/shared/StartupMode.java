package cn.edu.xietong.shared;

import java.util.Optional;

/**
 * How this server was started: demo mode ({@code -Dxietong.demo=true} or {@code XIETONG_DEMO=true}) loads the demo
 * university; otherwise the first administrator comes from the environment. Read from the process, not the database,
 * so that no stored switch can turn a production server into a demo.
 */
public final class StartupMode {

    private StartupMode() {
    }

    public static boolean demo() {
        return Boolean.parseBoolean(setting("xietong.demo", "XIETONG_DEMO").orElse("false"));
    }

    /** A setting from a system property, else from an environment variable. */
    public static Optional<String> setting(String property, String environment) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            value = System.getenv(environment);
        }
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }

    /** A secret: only from the environment, never from a system property (those show in process listings). */
    public static Optional<char[]> secret(String environment) {
        String value = System.getenv(environment);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value.toCharArray());
    }
}
