package cn.edu.xietong.web.mail;

import cn.edu.xietong.chat.Conversations;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.security.ModuleRights;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/**
 * The menu's mail and messages entries (A4): shown to people whose unit uses the mail and messages module, with their
 * unseen mail and unread instant messages.
 */
@Named
@RequestScoped
public class MailMenu {

    @EJB
    private ModuleRights rights;

    @EJB
    private Mailbox mailbox;

    @EJB
    private Conversations conversations;

    private Boolean available;
    private Long unread;
    private Long unreadMessages;

    public boolean isAvailable() {
        if (available == null) {
            available = rights.mine().contains(Module.MAIL);
        }
        return available;
    }

    public long getUnread() {
        if (unread == null) {
            unread = isAvailable() ? mailbox.unreadCount() : 0;
        }
        return unread;
    }

    public long getUnreadMessages() {
        if (unreadMessages == null) {
            unreadMessages = isAvailable() ? conversations.unreadTotal() : 0;
        }
        return unreadMessages;
    }
}
