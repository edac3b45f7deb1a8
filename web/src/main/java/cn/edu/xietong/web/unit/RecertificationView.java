package cn.edu.xietong.web.unit;

import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.security.Recertification;
import cn.edu.xietong.security.UnitSecurityCheck;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs unit/recertification.xhtml (O3.2): the unit's IT staff tick the members who still belong and confirm them,
 * or report one who no longer does, with the reason.
 */
@Named
@ViewScoped
public class RecertificationView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Recertification recertification;

    @EJB
    private UnitSecurityCheck check;

    @Inject
    private Messages messages;

    private List<Unit> units;
    private Long unitId;
    private transient List<Recertification.Review> members;
    /** Login → ticked for confirmation. */
    private final Map<String, Boolean> ticked = new HashMap<>();
    private String leaverLogin;
    private String leaverReason;

    @PostConstruct
    void load() {
        units = check.myUnits();
        unitId = units.isEmpty() ? null : units.get(0).getId();
    }

    public List<Recertification.Review> getMembers() {
        if (members == null) {
            members = unitId == null ? List.of() : recertification.members(unitId);
        }
        return members;
    }

    /** Ticks every member whose confirmation is due. */
    public void tickOverdue() {
        getMembers().stream().filter(Recertification.Review::overdue)
                .forEach(r -> ticked.put(r.person().getLogin(), Boolean.TRUE));
    }

    public void confirm() {
        List<String> logins = ticked.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        try {
            int confirmed = recertification.confirm(unitId, logins);
            messages.info("recert.confirmed", confirmed);
            ticked.clear();
            members = null;
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    public void reportLeaver() {
        try {
            recertification.reportLeaver(unitId, leaverLogin, leaverReason);
            messages.info("recert.leaverReported");
            leaverLogin = null;
            leaverReason = null;
            members = null;
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    public List<Unit> getUnits() {
        return units;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
        members = null;
        ticked.clear();
    }

    public Map<String, Boolean> getTicked() {
        return ticked;
    }

    public String getLeaverLogin() {
        return leaverLogin;
    }

    public void setLeaverLogin(String leaverLogin) {
        this.leaverLogin = leaverLogin;
    }

    public String getLeaverReason() {
        return leaverReason;
    }

    public void setLeaverReason(String leaverReason) {
        this.leaverReason = leaverReason;
    }
}
