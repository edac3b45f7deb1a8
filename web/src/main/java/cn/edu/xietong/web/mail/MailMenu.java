package cn.edu.xietong.web.mail;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.security.ModuleRights;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The menu's mail entry (A4): shown to people whose unit uses the mail module, with their unseen mail. */
@Named
@RequestScoped
public class MailMenu {

    @EJB
    private ModuleRights rights;

    @EJB
    private Mailbox mailbox;

    private Boolean available;
    private Long unread;

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
}
