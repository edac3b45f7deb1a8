package cn.edu.xietong.workbench;

import cn.edu.xietong.security.ModuleRights;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

/**
 * The home page's figures for the caller, for the modules the caller's unit may use (O2.7). No area that creates
 * to-dos or mail exists yet (flows: issue #4; internal mail: A4), so every figure is truthfully zero; each area adds
 * its own count here when it lands.
 */
@Stateless
@RolesAllowed("STAFF")
public class WorkbenchService {

    @EJB
    private ModuleRights rights;

    public WorkbenchCounts countsForCaller() {
        return new WorkbenchCounts(0, 0, 0, rights.mine());
    }
}
