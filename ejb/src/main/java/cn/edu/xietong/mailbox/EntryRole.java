package cn.edu.xietong.mailbox;

/** Why a mail is in a mailbox: its owner wrote it, or received it as to, cc or bcc. */
public enum EntryRole {
    SENDER, TO, CC, BCC;

    static EntryRole of(AddressKind kind) {
        return valueOf(kind.name());
    }

    /** The stronger of two roles one recipient has through several addresses (to before cc before bcc). */
    EntryRole strongest(EntryRole other) {
        return other == null || ordinal() <= other.ordinal() ? this : other;
    }
}
