package cn.edu.xietong.web.notices;

import cn.edu.xietong.notices.CategoryLine;
import cn.edu.xietong.notices.PublishingRights;
import cn.edu.xietong.notices.RightLine;
import cn.edu.xietong.notices.UnitLine;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Backs notices/rights.xhtml (B4): who may submit which category for which unit. The system administrator manages
 * every unit's rights, a unit's IT staff their own unit's; each grant and withdrawal is audited by the service.
 */
@Named
@ViewScoped
public class PublishingRightsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private PublishingRights rights;

    @Inject
    private Messages messages;

    private List<RightLine> lines;
    private List<UnitLine> units;
    private List<CategoryLine> categories;

    private String person;
    private Long unitId;
    private Long categoryId;

    public void grant() {
        if (person == null || unitId == null || categoryId == null) {
            messages.error("notice.rights.incomplete");
            return;
        }
        try {
            rights.grant(person, unitId, categoryId);
            messages.info("notice.rights.granted");
            person = null;
            lines = null;
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public void revoke(RightLine line) {
        rights.revoke(line.login(), line.unitId(), line.categoryId());
        messages.info("notice.rights.revoked");
        lines = null;
    }

    public List<RightLine> getLines() {
        if (lines == null) {
            lines = rights.rights();
        }
        return lines;
    }

    public List<UnitLine> getUnits() {
        if (units == null) {
            units = rights.units();
        }
        return units;
    }

    public List<CategoryLine> getCategories() {
        if (categories == null) {
            categories = rights.categories();
        }
        return categories;
    }

    public String getPerson() {
        return person;
    }

    public void setPerson(String person) {
        this.person = person;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public Long getCategoryId() {
        return categoryId;
    }

    public void setCategoryId(Long categoryId) {
        this.categoryId = categoryId;
    }
}
