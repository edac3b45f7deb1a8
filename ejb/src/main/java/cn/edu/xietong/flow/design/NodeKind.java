package cn.edu.xietong.flow.design;

/** How a node's handlers decide (O1.3). */
public enum NodeKind {
    /** One handler decides (审批). */
    APPROVE,
    /** Every handler must approve (会签); one rejection rejects. */
    COUNTERSIGN,
    /** The first handler to act decides for all (或签). */
    ANY_ONE,
    /** Copied for reading (抄送), with a read receipt; the flow does not wait. */
    NOTIFY;

    public boolean decides() {
        return this != NOTIFY;
    }
}
