package cn.edu.xietong.web.admin;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Backs admin/modules.xhtml: the system administrator ticks which modules each unit may use (O2.7). */
@Named
@ViewScoped
public class ModulesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private ModuleRights rights;

    @Inject
    private Messages messages;

    private List<Unit> units;
    /** Unit id → module name → ticked. */
    private final Map<Long, Map<String, Boolean>> allowed = new HashMap<>();

    @PostConstruct
    void load() {
        units = rights.units();
        allowed.clear();
        for (Unit unit : units) {
            Map<String, Boolean> row = new LinkedHashMap<>();
            for (Module module : Module.values()) {
                row.put(module.name(), unit.mayUse(module));
            }
            allowed.put(unit.getId(), row);
        }
    }

    public void save(Unit unit) {
        Set<Module> modules = EnumSet.noneOf(Module.class);
        allowed.get(unit.getId()).forEach((module, ticked) -> {
            if (Boolean.TRUE.equals(ticked)) {
                modules.add(Module.valueOf(module));
            }
        });
        try {
            rights.allow(unit.getId(), modules);
            messages.info("modules.saved", unit.getNameZh());
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
        load();
    }

    public List<String> getModules() {
        return Arrays.stream(Module.values()).map(Module::name).toList();
    }

    public List<Unit> getUnits() {
        return units;
    }

    public Map<Long, Map<String, Boolean>> getAllowed() {
        return allowed;
    }
}
