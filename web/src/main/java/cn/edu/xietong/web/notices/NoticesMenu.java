package cn.edu.xietong.web.notices;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.security.ModuleRights;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;

/** The menu's notices entries (B4): shown to people whose unit uses the notices module. */
@Named
@RequestScoped
public class NoticesMenu {

    @EJB
    private ModuleRights rights;

    private Boolean available;

    public boolean isAvailable() {
        if (available == null) {
            available = rights.mine().contains(Module.NOTICES);
        }
        return available;
    }
}
