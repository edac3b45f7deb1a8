package cn.edu.xietong.web.shared;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.directory.Unit;
import jakarta.ejb.EJB;
import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Backs the person picker component (resources/xt/personPicker.xhtml, A5) on every page that has one: the
 * suggestions for what is typed (within the unit chosen in that picker, if any), each candidate's label
 * ("王伟 · 计算机科学与技术学院 · 讲师") and the unit tree to browse. Pickers are told apart by their client id.
 */
@Named("personPicker")
@ViewScoped
public class PersonPicker implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final int SHOWN = 20;

    @EJB
    private PeopleFinder finder;

    @EJB
    private Directory directory;

    /** The unit chosen in each picker (by the picker's client id), as the select submits it. */
    private final Map<String, String> unitOf = new HashMap<>();
    private transient Map<String, PersonCandidate> seen;
    private transient List<SelectItem> units;

    /** The suggestions for the picker being asked: login names of active people. */
    public List<String> complete(String query) {
        FacesContext context = FacesContext.getCurrentInstance();
        UIComponent asking = UIComponent.getCurrentComponent(context);
        UIComponent picker = asking == null ? null : UIComponent.getCompositeComponentParent(asking);
        Long unit = null;
        if (picker != null) {
            String chosen = unitOf.get(picker.getClientId(context));
            unit = chosen == null || chosen.isBlank() ? null : Long.valueOf(chosen);
        }
        List<String> logins = new ArrayList<>();
        for (PersonCandidate candidate : finder.find(query, unit, SHOWN)) {
            seen().put(candidate.login(), candidate);
            logins.add(candidate.login());
        }
        return logins;
    }

    /** "王伟 · 计算机科学与技术学院 · 讲师" in the view's language; a login that names nobody active as itself. */
    public String label(String login) {
        if (login == null || login.isBlank()) {
            return "";
        }
        PersonCandidate candidate = seen().computeIfAbsent(login, l -> finder.candidate(l).orElse(null));
        return candidate == null ? login : candidate.label(locale());
    }

    /** The units to browse, each below its parent (indented). */
    public List<SelectItem> getUnits() {
        if (units == null) {
            units = new ArrayList<>();
            Locale locale = locale();
            for (Unit unit : directory.unitsInTreeOrder()) {
                int depth = 0;
                for (Unit up = unit.getParent(); up != null; up = up.getParent()) {
                    depth++;
                }
                units.add(new SelectItem(String.valueOf(unit.getId()), "\u3000".repeat(depth) + unit.name(locale)));
            }
        }
        return units;
    }

    public Map<String, String> getUnitOf() {
        return unitOf;
    }

    private Map<String, PersonCandidate> seen() {
        if (seen == null) {
            seen = new HashMap<>();
        }
        return seen;
    }

    private static Locale locale() {
        return FacesContext.getCurrentInstance().getViewRoot().getLocale();
    }
}
