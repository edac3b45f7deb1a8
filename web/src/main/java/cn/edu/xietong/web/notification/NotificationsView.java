package cn.edu.xietong.web.notification;

import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * Backs notifications.xhtml (A2, B2): the caller's notifications, newest first; {@code ?open=id} marks one read and
 * goes on to its object's page. Someone else's id is refused by the service (403 and a logged warning).
 */
@Named
@ViewScoped
public class NotificationsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Notifications notifications;

    @Inject
    private Messages messages;

    @Inject
    private NotificationBell bell;

    private String open;

    private transient List<ListedNotification> rows;

    /** Opens the notification named by {@code ?open=}: marks it read, then shows its object. */
    public void load() throws IOException {
        if (open == null) {
            return;
        }
        ListedNotification opened = notifications.read(PageRequest.id("open", open));
        Optional<String> path = NotificationLinks.path(opened.module(), opened.kind(), opened.objectId());
        if (path.isPresent()) {
            ExternalContext external = FacesContext.getCurrentInstance().getExternalContext();
            external.redirect(external.getRequestContextPath() + path.get());
        }
    }

    public List<ListedNotification> getRows() {
        if (rows == null) {
            rows = notifications.mine();
        }
        return rows;
    }

    public void readAll() {
        int read = notifications.readAll();
        rows = null;
        bell.refresh();
        messages.info("notification.allRead", read);
    }

    public String getOpen() {
        return open;
    }

    public void setOpen(String open) {
        this.open = open;
    }
}
