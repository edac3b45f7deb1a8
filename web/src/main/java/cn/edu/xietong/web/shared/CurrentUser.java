package cn.edu.xietong.web.shared;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.web.i18n.LanguageView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.List;

/** The logged-in person for the top bar and the menu, read once per request. */
@Named
@RequestScoped
public class CurrentUser {

    @EJB
    private Directory directory;

    @Inject
    private LanguageView language;

    private Person person;

    public Person getPerson() {
        if (person == null) {
            person = directory.me();
        }
        return person;
    }

    public String getUnitName() {
        return getPerson().getUnit().name(language.getLocale());
    }

    /** Role names, sorted as declared, for display. */
    public List<Role> getRoles() {
        return getPerson().roleSet().stream().sorted().toList();
    }

    /** The units whose IT staff the person is (where they design forms and flows). */
    public List<Unit> itUnits() {
        return getPerson().scopesOf(Role.UNIT_IT);
    }

    public boolean has(String role) {
        return getPerson().hasRole(Role.valueOf(role));
    }
}
