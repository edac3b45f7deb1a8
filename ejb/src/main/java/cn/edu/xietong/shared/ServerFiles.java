package cn.edu.xietong.shared;

import java.nio.file.Path;

/** Files a server keeps of its own, outside the database: under its data directory unless a setting names the place. */
public final class ServerFiles {

    private ServerFiles() {
    }

    /** {@code -D<property>} if set, else {@code <server data dir>/xietong/<fileName>}. */
    public static Path located(String property, String fileName) {
        String configured = System.getProperty(property);
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "xietong", fileName);
    }
}
