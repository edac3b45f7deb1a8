package cn.edu.xietong.web.notification;

import cn.edu.xietong.notification.Notifications;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Backs the bell in the top bar (WEB-INF/templates/notification-bell.xhtml): the caller's unread count. */
@Named
@RequestScoped
public class NotificationBell {

    @EJB
    private Notifications notifications;

    private Long unread;

    public long getUnread() {
        if (unread == null) {
            unread = notifications.unreadCount();
        }
        return unread;
    }

    /** Read again after a change on the page (a mark-all-read). */
    public void refresh() {
        unread = null;
    }
}
