package cn.edu.xietong.documents;

/** What a person may do with a library, folder or document (O3.5): each level includes the ones before it. */
public enum Access {
    NONE, READ, WRITE, MANAGE;

    public boolean allows(Access needed) {
        return compareTo(needed) >= 0;
    }

    public Access max(Access other) {
        return other != null && other.compareTo(this) > 0 ? other : this;
    }
}
