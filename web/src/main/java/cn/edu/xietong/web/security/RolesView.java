package cn.edu.xietong.web.security;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.RoleGrant;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.security.RoleAdministration;
import cn.edu.xietong.security.SecondFactorEnrolment;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/** Backs security/roles.xhtml?login=…: the security administrator grants and takes back a person's roles. */
@Named
@ViewScoped
public class RolesView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private RoleAdministration roles;

    @EJB
    private Directory directory;

    @EJB
    private SecondFactorEnrolment secondFactors;

    @Inject
    private Messages messages;

    private String login;
    private Role role;
    private Long unitId;
    private transient Person person;

    public void load() {
        person = login == null ? null : directory.person(login).orElse(null);
        if (person == null) {
            messages.error("account.unknown");
        }
    }

    public void grant() {
        act(() -> roles.grant(login, role, role != null && role.isUnitScoped() ? unitId : null), "role.granted");
    }

    public void revoke(RoleGrant grant) {
        act(() -> roles.revoke(login, grant.getRole(), grant.getScope() == null ? null : grant.getScope().getId()),
                "role.revoked");
    }

    /** A lost phone: the person enrols again at the next login (S2). */
    public void resetSecondFactor() {
        act(() -> secondFactors.reset(login, null), "twoFactor.resetDone");
    }

    public boolean isSecondFactorEnrolled() {
        return person != null && secondFactors.enrolled(login);
    }

    private void act(Runnable action, String done) {
        if (messages.attempt(action, done)) {
            load();
        }
    }

    public List<RoleGrant> getGrants() {
        return person == null ? List.of() : person.getRoles().stream()
                .filter(g -> g.getRole() != Role.STAFF).sorted((a, b) -> a.getRole().compareTo(b.getRole())).toList();
    }

    public List<Role> getGrantable() {
        return Arrays.stream(Role.values()).filter(r -> r != Role.STAFF).toList();
    }

    public List<Unit> getUnits() {
        return directory.unitsInTreeOrder();
    }

    public Person getPerson() {
        return person;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }
}
