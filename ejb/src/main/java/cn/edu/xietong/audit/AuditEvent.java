package cn.edu.xietong.audit;

/** What happened. Names are stable: they are stored, hashed and exported. */
public enum AuditEvent {
    LOGIN,
    LOGOUT,
    SESSION_TIMEOUT,
    LOCKOUT,
    PASSWORD_CHANGE,
    PASSWORD_RESET,
    ACCOUNT_DEACTIVATE,
    ACCOUNT_REACTIVATE,
    ACCOUNT_MOVE,
    ROLE_GRANT,
    ROLE_REVOKE,
    ACCOUNT_REQUEST,
    ACCOUNT_APPROVE,
    ACCOUNT_REJECT,
    POLICY_CHANGE,
    CLIENT_THROTTLED,
    MAIL_TEST,
    JOB_START,
    AUDIT_VERIFY,
    AUDIT_EXPORT,
    SECOND_FACTOR_ENROL,
    SECOND_FACTOR_USE,
    SECOND_FACTOR_RESET,
    SESSION_REPLACED
}
