package cn.edu.xietong.flow.instance;

/** What a handler did with a to-do. */
public enum Decision {
    APPROVED,
    REJECTED,
    RETURNED,
    /** Approved on the handler's behalf because they had already approved this instance (design option). */
    SKIPPED,
    /** A copy was read. */
    READ
}
