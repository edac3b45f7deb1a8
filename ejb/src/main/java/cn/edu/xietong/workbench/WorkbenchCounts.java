package cn.edu.xietong.workbench;

import cn.edu.xietong.directory.Module;

import java.util.Set;

/** What waits for the caller on the home page, and which of the modules behind it the caller's unit uses. */
public record WorkbenchCounts(long todos, long overdueTodos, long unreadCopies, long runningFlows, long unreadMail,
                              Set<Module> modules) {

    public WorkbenchCounts {
        modules = Set.copyOf(modules);
    }

    /** Whether the caller's unit uses the module (by name, for pages). */
    public boolean uses(String module) {
        return modules.contains(Module.valueOf(module));
    }
}
