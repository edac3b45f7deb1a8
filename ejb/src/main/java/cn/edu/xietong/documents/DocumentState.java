package cn.edu.xietong.documents;

/** Where a document is in its life: in use, archived (归档, read-only), or in the recycle bin. */
public enum DocumentState {
    ACTIVE, ARCHIVED, BINNED
}
