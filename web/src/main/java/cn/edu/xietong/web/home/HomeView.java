package cn.edu.xietong.web.home;

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

    private WorkbenchCounts counts;

    public WorkbenchCounts getCounts() {
        if (counts == null) {
            counts = workbench.countsForCaller();
        }
        return counts;
    }
}
