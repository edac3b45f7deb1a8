package cn.edu.xietong.web.admin;

import cn.edu.xietong.directory.Appointment;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Organisation;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.RoleGrant;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.Handover;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.security.AccountAdministration;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Backs admin/account.xhtml?login=…: the actions on one account and its history (O2.6), for the administrator who keeps
 * it (三员: the security administrator for the three administrators, the system administrator for everyone else, as
 * the service decides); the other one sees the account and its history only.
 */
@Named
@ViewScoped
public class AccountView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Organisation organisation;

    @EJB
    private AccountAdministration accounts;

    @EJB
    private Directory directory;

    @Inject
    private Messages messages;

    private String login;
    private String reason;
    private Long unitId;
    private String reassignTo;
    private String temporaryPassword;
    private transient Person person;
    private transient List<PersonChange> history;
    private transient List<Appointment> appointments;
    private transient List<ListedTask> openTasks;
    private Boolean mayAdminister;

    @EJB
    private Handover handover;

    public void load() {
        person = login == null ? null : directory.person(login).orElse(null);
        history = null;
        appointments = null;
        openTasks = null;
        mayAdminister = null;
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

    /** Hands the deactivated account's open to-dos to another person, all or none (O2.6). */
    public void reassign() {
        try {
            int moved = handover.reassignOpenTasks(login, reassignTo, reason);
            messages.info("flow.reassigned", moved);
            reason = null;
            reassignTo = null;
            openTasks = null;
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    public String getReassignTo() {
        return reassignTo;
    }

    public void setReassignTo(String reassignTo) {
        this.reassignTo = reassignTo;
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

    /** Whether the actions are the caller's to take on this account (the service refuses them otherwise). */
    public boolean isMayAdminister() {
        if (mayAdminister == null) {
            mayAdminister = person != null && accounts.mayAdminister(login);
        }
        return mayAdminister;
    }

    public List<PersonChange> getHistory() {
        if (history == null) {
            history = person == null ? List.of() : accounts.history(login);
        }
        return history;
    }

    /**
     * What a deactivated person still holds, to hand over (O2.6): roles beyond STAFF and posts. To-dos and documents
     * join this list when flows and document libraries exist.
     */
    public List<RoleGrant> getRoles() {
        return person == null ? List.of()
                : person.getRoles().stream().filter(g -> g.getRole() != Role.STAFF).toList();
    }

    /** Open to-dos a deactivated account still holds, to hand over (O2.6). */
    public List<ListedTask> getOpenTasks() {
        if (openTasks == null) {
            openTasks = person == null ? List.of() : handover.openTasksOf(person.getLogin());
        }
        return openTasks;
    }

    public List<Appointment> getAppointments() {
        if (appointments == null) {
            appointments = person == null ? List.of() : organisation.appointmentsOf(person.getLogin());
        }
        return appointments;
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
