package cn.edu.xietong.web.home;

import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.PasswordStatus;
import cn.edu.xietong.workbench.WorkbenchCounts;
import cn.edu.xietong.workbench.WorkbenchFigures;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** Backs index.xhtml. */
@Named
@RequestScoped
public class HomeView {

    @EJB
    private WorkbenchFigures workbench;

    @EJB
    private Authentication accounts;

    @EJB
    private Notifications notifications;

    private List<ListedNotification> unread;

    private WorkbenchCounts counts;
    private PasswordStatus passwordStatus;

    /** Warns ahead of the password's expiry (S2). */
    public PasswordStatus getPasswordStatus() {
        if (passwordStatus == null) {
            passwordStatus = accounts.passwordStatus();
        }
        return passwordStatus;
    }

    /** The newest unread notifications (B2, A2); the bell's page lists them all. */
    public List<ListedNotification> getNotices() {
        if (unread == null) {
            unread = notifications.unread(10);
        }
        return unread;
    }

    public void read(ListedNotification notification) {
        notifications.read(notification.id());
        unread = null;
    }

    public WorkbenchCounts getCounts() {
        if (counts == null) {
            counts = workbench.countsForCaller();
        }
        return counts;
    }
}
