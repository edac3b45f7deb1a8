package cn.edu.xietong.notices;

/** Where an item stands (B4): only a published one is read by its audience. */
public enum NoticeState {
    /** Being written; never submitted, or sent back (returned, withdrawn) to be revised. */
    DRAFT,
    /** Its newest version is in its approval flow (an edit of a published item: the published version stays read). */
    IN_REVIEW,
    PUBLISHED,
    /** Its first version was rejected: it was never published. */
    REJECTED,
    /** Taken down by its publisher after publication. */
    WITHDRAWN
}
