package cn.edu.xietong.security;

import java.time.Duration;

/**
 * Limits on failed logins (S2, S3).
 *
 * @param maxFailures      consecutive failures for one login name before it is locked
 * @param lockout          how long a locked name stays locked
 * @param clientMaxFailures failures from one client address within {@code clientWindow} before it is blocked
 * @param clientWindow     the window in which a client's failures are counted
 * @param clientBlock      how long a blocked client address stays blocked
 */
public record LoginPolicy(int maxFailures, Duration lockout, int clientMaxFailures, Duration clientWindow,
                          Duration clientBlock) {

    /** Five failures lock a name for 15 minutes; twenty failures in ten minutes block an address for 15 minutes. */
    public static final LoginPolicy DEFAULT = new LoginPolicy(5, Duration.ofMinutes(15), 20, Duration.ofMinutes(10),
            Duration.ofMinutes(15));

    private static final LoginPolicy CURRENT = new LoginPolicy(
            Integer.getInteger("xietong.login.maxFailures", DEFAULT.maxFailures()),
            Duration.ofMinutes(Long.getLong("xietong.login.lockoutMinutes", DEFAULT.lockout().toMinutes())),
            Integer.getInteger("xietong.login.clientMaxFailures", DEFAULT.clientMaxFailures()),
            Duration.ofMinutes(Long.getLong("xietong.login.clientWindowMinutes", DEFAULT.clientWindow().toMinutes())),
            Duration.ofMinutes(Long.getLong("xietong.login.clientBlockMinutes", DEFAULT.clientBlock().toMinutes())));

    /**
     * The policy in force: {@link #DEFAULT} unless the server was started with {@code -Dxietong.login.maxFailures},
     * {@code lockoutMinutes}, {@code clientMaxFailures}, {@code clientWindowMinutes} or {@code clientBlockMinutes}.
     */
    public static LoginPolicy current() {
        return CURRENT;
    }
}
