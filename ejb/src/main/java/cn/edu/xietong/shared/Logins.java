package cn.edu.xietong.shared;

import java.util.Locale;

/** Login names: compared without case and surrounding space, everywhere (the directory, the audit trail's search). */
public final class Logins {

    private Logins() {
    }

    public static String normalise(String login) {
        return login == null ? "" : login.strip().toLowerCase(Locale.ROOT);
    }
}
