package cn.edu.xietong.web.security;

import cn.edu.xietong.audit.RequestOrigin;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.security.AccountRequest;
import cn.edu.xietong.security.AccountRequests;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/** Backs register.xhtml (public): request an account, or follow a request by its number (O3.2). */
@Named
@ViewScoped
public class RegisterView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountRequests requests;

    @Inject
    private Messages messages;

    @Inject
    private RequestOrigin origin;

    private String login;
    private String fullName;
    private Long unitId;
    private String email;
    private Long number;
    private String numberLogin;
    private transient AccountRequest followed;
    private transient List<Unit> units;

    public void submit() {
        try {
            AccountRequest request = requests.request(login, fullName, unitId, email, origin.clientAddress());
            messages.info("request.submitted", String.valueOf(request.getId()));
            login = fullName = email = null;
            unitId = null;
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    public void follow() {
        followed = number == null ? null : requests.status(number, numberLogin).orElse(null);
        if (followed == null) {
            messages.error("request.notFound");
        }
    }

    public List<Unit> getUnits() {
        if (units == null) {
            units = requests.units();
        }
        return units;
    }

    public AccountRequest getFollowed() {
        return followed;
    }

    public String getLogin() {
        return login;
    }

    public void setLogin(String login) {
        this.login = login;
    }

    public String getFullName() {
        return fullName;
    }

    public void setFullName(String fullName) {
        this.fullName = fullName;
    }

    public Long getUnitId() {
        return unitId;
    }

    public void setUnitId(Long unitId) {
        this.unitId = unitId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public Long getNumber() {
        return number;
    }

    public void setNumber(Long number) {
        this.number = number;
    }

    public String getNumberLogin() {
        return numberLogin;
    }

    public void setNumberLogin(String numberLogin) {
        this.numberLogin = numberLogin;
    }
}
