package cn.edu.xietong.mailbox;

/** Where an entry of a mailbox is filed: the four system folders, or one of the owner's own ({@code CUSTOM}). */
public enum Folder {
    INBOX, SENT, DRAFTS, TRASH, CUSTOM
}
