package cn.edu.xietong.web.home;

import cn.edu.xietong.notices.ListedNotice;
import cn.edu.xietong.notices.NewsCard;
import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.notices.NoticePortal;
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

/**
 * Backs index.xhtml, the portal: to-dos, copies, running flows, unread mail and messages as cards; the newest
 * notices and announcements, must-read items not read yet, and the newest news with pictures (B4); the unread
 * notifications.
 */
@Named
@RequestScoped
public class HomeView {

    /** The lines a card lists. */
    static final int CARD_LINES = 6;
    /** The news a card shows. */
    static final int NEWS_CARDS = 4;

    @EJB
    private WorkbenchFigures workbench;

    @EJB
    private Authentication accounts;

    @EJB
    private Notifications notifications;

    @EJB
    private NoticeBoard board;

    private List<ListedNotification> unread;
    private NoticePortal portal;

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

    /** The notices' part of the portal (B4), read once per request: the newest items, news, unread must-reads. */
    private NoticePortal portal() {
        if (portal == null) {
            portal = board.portal(CARD_LINES, NEWS_CARDS);
        }
        return portal;
    }

    /** The newest notices and announcements the caller may read (B4), for the portal's card. */
    public List<ListedNotice> getLatestNotices() {
        return portal().latest();
    }

    /** The newest news with their pictures (B4). */
    public List<NewsCard> getNews() {
        return portal().news();
    }

    /** Must-read items the caller has not read yet. */
    public List<ListedNotice> getMustRead() {
        return portal().mustRead();
    }

    public WorkbenchCounts getCounts() {
        if (counts == null) {
            counts = workbench.countsForCaller();
        }
        return counts;
    }
}
