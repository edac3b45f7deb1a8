package cn.edu.xietong.workbench;

import cn.edu.xietong.flow.FlowCounts;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.security.ModuleRights;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * The home page's figures for the caller (A2), for the modules the caller's unit may use (O2.7): to-dos and how many
 * are overdue, unread copies, own flows still running. Internal mail (A4) adds its count when it lands; until then it
 * is truthfully zero.
 */
@Stateless
@RolesAllowed("STAFF")
public class WorkbenchFigures {

    @EJB
    private ModuleRights rights;

    @EJB
    private Worklists worklists;

    public WorkbenchCounts countsForCaller() {
        FlowCounts counts = worklists.counts();
        return new WorkbenchCounts(counts.todo(), counts.overdue(), counts.unreadCopies(), counts.running(), 0,
                rights.mine());
    }
}
