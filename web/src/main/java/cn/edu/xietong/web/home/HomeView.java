package cn.edu.xietong.web.home;

import cn.edu.xietong.security.AccountService;
import cn.edu.xietong.security.PasswordStatus;
import cn.edu.xietong.workbench.WorkbenchCounts;
import cn.edu.xietong.workbench.WorkbenchService;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** Backs index.xhtml. */
@Named
@RequestScoped
public class HomeView {

    @EJB
    private WorkbenchService workbench;

    @EJB
    private AccountService accounts;

    private WorkbenchCounts counts;
    private PasswordStatus passwordStatus;

    /** Warns ahead of the password's expiry (S2). */
    public PasswordStatus getPasswordStatus() {
        if (passwordStatus == null) {
            passwordStatus = accounts.passwordStatus();
        }
        return passwordStatus;
    }

    public WorkbenchCounts getCounts() {
        if (counts == null) {
            counts = workbench.countsForCaller();
        }
        return counts;
    }
}
