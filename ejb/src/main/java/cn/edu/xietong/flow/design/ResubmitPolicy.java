package cn.edu.xietong.flow.design;

/** What a return from a node does when the flow comes back (A3). */
public enum ResubmitPolicy {
    /** The flow runs again through every node after the one it was returned to. */
    RERUN,
    /** The flow comes straight back to the node that returned it. */
    BACK_TO_RETURNER
}
