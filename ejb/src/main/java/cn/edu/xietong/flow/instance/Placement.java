package cn.edu.xietong.flow.instance;

/** Where added approvers (加签) go relative to the handler who adds them. */
public enum Placement {
    /** They decide first; the handler's to-do comes back when they have approved. */
    BEFORE,
    /** The handler approves now; the node also waits for them. */
    AFTER,
    /** They decide alongside the handler; the node waits for all. */
    ALONGSIDE
}
