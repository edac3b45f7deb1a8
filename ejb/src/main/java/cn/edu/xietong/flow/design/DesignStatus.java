package cn.edu.xietong.flow.design;

/** Where a design version is in its lifecycle (O3.3). */
public enum DesignStatus {
    /** Being written by the unit's IT staff. */
    DRAFT,
    /** Passed the checks, waiting for the supervisor. */
    IN_REVIEW,
    /** Approved and usable; the newest published version of a code is the one new instances start on. */
    PUBLISHED,
    /** Replaced by a newer published version; its running instances go on. */
    SUPERSEDED,
    /** Withdrawn from use; its running instances go on. */
    RETIRED
}
