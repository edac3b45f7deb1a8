package cn.edu.xietong.security;

/**
 * Why a logged-in session ended before its person logged out (S2, S3; ASVS 3.3). The first five are stored on the
 * {@link SessionRecord} by the change that ends all of that person's sessions; the others are decided per session.
 */
public enum SessionEnd {
    /** The account was deactivated. */
    DEACTIVATED,
    /** An administrator reset the password. */
    PASSWORD_RESET,
    /** The person changed their password in another session. */
    PASSWORD_CHANGED,
    /** The security administrator granted or took back a role. */
    ROLES_CHANGED,
    /** The security administrator reset the second factor (a lost phone): whoever holds it is out too. */
    SECOND_FACTOR_RESET,
    /** A newer login of the same account began while the policy allows one session per account. */
    REPLACED,
    /** The session reached the policy's absolute lifetime. */
    EXPIRED
}
