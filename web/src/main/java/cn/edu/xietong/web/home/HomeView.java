package cn.edu.xietong.web.home;

import cn.edu.xietong.flow.notice.ListedNotice;
import cn.edu.xietong.flow.notice.FlowNotices;
import cn.edu.xietong.security.AccountService;
import cn.edu.xietong.security.PasswordStatus;
import cn.edu.xietong.workbench.WorkbenchCounts;
import cn.edu.xietong.workbench.WorkbenchService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

import java.util.List;

/** Backs index.xhtml. */
@Named
@RequestScoped
public class HomeView {

    @EJB
    private WorkbenchService workbench;

    @EJB
    private AccountService accounts;

    @EJB
    private FlowNotices notices;

    private List<ListedNotice> unread;

    private WorkbenchCounts counts;
    private PasswordStatus passwordStatus;

    /** Warns ahead of the password's expiry (S2). */
    public PasswordStatus getPasswordStatus() {
        if (passwordStatus == null) {
            passwordStatus = accounts.passwordStatus();
        }
        return passwordStatus;
    }

    /** Unread reminders, escalations and urgings about flows (B2, A2). */
    public List<ListedNotice> getNotices() {
        if (unread == null) {
            unread = notices.mine();
        }
        return unread;
    }

    public void read(ListedNotice notice) {
        notices.read(notice.id());
        unread = null;
    }

    public WorkbenchCounts getCounts() {
        if (counts == null) {
            counts = workbench.countsForCaller();
        }
        return counts;
    }
}
