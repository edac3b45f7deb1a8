package cn.edu.xietong.flow.instance;

/** Where an instance is (A2, A3). */
public enum InstanceStatus {
    /** Saved by the initiator, not yet submitted. */
    DRAFT,
    /** With its handlers. */
    RUNNING,
    /** Returned to the initiator with a reason, to revise and resubmit. */
    RETURNED,
    /** Withdrawn by the initiator before anyone acted; may be revised and submitted again. */
    WITHDRAWN,
    APPROVED,
    REJECTED;

    public boolean finished() {
        return this == APPROVED || this == REJECTED;
    }

    /** The initiator may edit and submit it. */
    public boolean withInitiator() {
        return this == DRAFT || this == RETURNED || this == WITHDRAWN;
    }
}
