package cn.edu.xietong.web.unit;

import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.security.UnitRisk;
import cn.edu.xietong.security.UnitSecurityCheck;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Backs unit/security.xhtml: the risks among the members of a unit the caller looks after (O3.4). */
@Named
@ViewScoped
public class SecurityCheckView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private UnitSecurityCheck check;

    private List<Unit> units;
    private Long unitId;
    private transient List<UnitRisk> risks;

    @PostConstruct
    void load() {
        units = check.myUnits();
        unitId = units.isEmpty() ? null : units.get(0).getId();
    }

    public List<UnitRisk> getRisks() {
        if (risks == null) {
            risks = unitId == null ? List.of() : check.check(unitId);
        }
        return risks;
    }

    public void run() {
        risks = null;
    }

    public List<Unit> getUnits() {
        return units;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
        risks = null;
    }
}
