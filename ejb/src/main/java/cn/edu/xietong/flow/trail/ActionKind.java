package cn.edu.xietong.flow.trail;

/** What an action on an instance was. */
public enum ActionKind {
    SUBMIT,
    RESUBMIT,
    APPROVE,
    REJECT,
    /** 回退, to the initiator or an earlier node; the opinion is the reason. */
    RETURN,
    /** 撤回 by the initiator. */
    WITHDRAW,
    /** 转办; the opinion names the new handler. */
    TRANSFER,
    /** 加签; the opinion names the added approvers and where they go. */
    ADD_APPROVERS,
    /** Approved for a handler who had already approved this instance. */
    SKIP,
    /** A copy was read. */
    READ,
    /** 催办 by the initiator, or 督办 by a supervisor. */
    URGE,
    /** A supervisor's comment (督办意见). */
    COMMENT,
    /** The system administrator handed a deactivated handler's to-do to someone else; the detail names both. */
    REASSIGN,
    /** An overdue to-do was escalated to the handler's unit leader (B2). */
    ESCALATE,
    /** The approval ended with every node approved. */
    COMPLETE
}
