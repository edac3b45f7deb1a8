package cn.edu.xietong.flow.instance;

/** Where a to-do (or a copy) is. */
public enum TaskStatus {
    /** Waiting for its handler. */
    OPEN,
    /** Its handler added approvers before themselves and waits for them (加签, before). */
    WAITING,
    /** Acted on (or read, for a copy). */
    DONE,
    /** Closed without action: the node was decided by someone else, the flow was returned, withdrawn or rejected. */
    CANCELLED,
    /** Handed to another person (转办). */
    TRANSFERRED;

    public boolean live() {
        return this == OPEN || this == WAITING;
    }
}
