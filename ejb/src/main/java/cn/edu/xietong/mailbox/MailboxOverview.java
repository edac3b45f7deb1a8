package cn.edu.xietong.mailbox;

import java.io.Serializable;
import java.util.List;

/** The folder list of one's mailbox (A4): unseen mail in the inbox, drafts, the trash, one's own folders, the quota. */
public record MailboxOverview(long unseen, long drafts, long trash, List<OwnFolder> folders, MailboxUsage usage)
        implements Serializable {

    /** One of the owner's folders, with how many mails it holds. */
    public record OwnFolder(long id, String name, long count) implements Serializable {
    }
}
