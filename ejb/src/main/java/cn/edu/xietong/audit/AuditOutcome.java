package cn.edu.xietong.audit;

/** How it ended: done, failed (wrong input, unreachable peer), or refused by a rule or a right. */
public enum AuditOutcome {
    SUCCESS,
    FAILURE,
    DENIED
}
