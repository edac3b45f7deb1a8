package cn.edu.xietong.web.admin;

import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Backs admin/account.xhtml?login=…: the system administrator's actions on one account, and its history (O2.6). */
@Named
@ViewScoped
public class AccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountAdministration accounts;

    @EJB
    private DirectoryService directory;

    @Inject
    private Messages messages;

    private String login;
    private String reason;
    private Long unitId;
    private String temporaryPassword;
    private transient Person person;
    private transient List<PersonChange> history;

    public void load() {
        person = login == null ? null : directory.person(login).orElse(null);
        history = null;
        if (person == null) {
            messages.error("account.unknown");
        }
    }

    public void deactivate() {
        act(() -> accounts.deactivate(login, reason), "account.deactivated");
    }

    public void reactivate() {
        act(() -> accounts.reactivate(login, reason), "account.reactivated");
    }

    public void move() {
        act(() -> accounts.move(login, unitId == null ? -1 : unitId, reason), "account.moved");
    }

    public void resetPassword() {
        act(() -> temporaryPassword = accounts.resetPassword(login), "account.passwordReset");
    }

    private void act(Runnable action, String done) {
        try {
            action.run();
            messages.info(done);
            reason = null;
            load();
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    /** Every unit, flattened in tree order, for the move target. */
    public List<Unit> getUnits() {
        return directory.unitsInTreeOrder();
    }

    public List<PersonChange> getHistory() {
        if (history == null) {
            history = person == null ? List.of() : accounts.history(login);
        }
        return history;
    }

    public Person getPerson() {
        return person;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }
}
