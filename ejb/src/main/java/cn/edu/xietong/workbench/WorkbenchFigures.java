package cn.edu.xietong.workbench;

import cn.edu.xietong.flow.FlowCounts;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.security.ModuleRights;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * The home page's figures for the caller (A2), for the modules the caller's unit may use (O2.7): to-dos and how many
 * are overdue, unread copies, own flows still running, and unseen internal mail (A4; zero without the mail module).
 */
@Stateless
@RolesAllowed("STAFF")
public class WorkbenchFigures {

    @EJB
    private ModuleRights rights;

    @EJB
    private Worklists worklists;

    @EJB
    private Mailbox mailbox;

    public WorkbenchCounts countsForCaller() {
        FlowCounts counts = worklists.counts();
        return new WorkbenchCounts(counts.todo(), counts.overdue(), counts.unreadCopies(), counts.running(),
                mailbox.unreadCount(), rights.mine());
    }
}
