package cn.edu.xietong.flow.instance;

/**
 * Why a person is told about a flow (A2, B2): the kinds of the flows' notifications. The pages' bundles hold their
 * text as {@code notification.flow.<kind>}.
 */
public enum NoticeKind {
    /** A to-do arrived for them (submission, next node, transfer, added approver, reassignment). */
    TODO,
    /** A copy arrived for them to read (抄送). */
    COPY,
    /** The flow was returned (退回): to the initiator, or as a to-do to an earlier node's handlers; with the reason. */
    RETURNED,
    /** Their flow was approved at every node (to the initiator). */
    APPROVED,
    /** Their flow was rejected, with the reason (to the initiator). */
    REJECTED,
    /** Their to-do is overdue. */
    REMINDER,
    /** A to-do of someone in their unit has been overdue too long (to the unit leader). */
    ESCALATION,
    /** The initiator or a supervisor urges them. */
    URGE
}
