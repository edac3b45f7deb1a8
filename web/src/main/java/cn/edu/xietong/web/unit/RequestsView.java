package cn.edu.xietong.web.unit;

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
import java.util.Locale;
import java.util.Set;

/** Backs unit/requests.xhtml: a unit's IT staff approve or reject account requests for their units (O3.2). */
@Named
@ViewScoped
public class RequestsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private AccountRequests requests;

    @Inject
    private Messages messages;

    private String reason;
    private String otherLogin;
    private String approvedLogin;
    private String temporaryPassword;
    private transient List<AccountRequest> pending;
    private transient Set<Long> taken;

    public List<AccountRequest> getPending() {
        if (pending == null) {
            pending = requests.pending();
        }
        return pending;
    }

    /** Whether the request's user name is taken (an account or an earlier request has it): approve under another. */
    public boolean taken(AccountRequest request) {
        if (taken == null) {
            taken = requests.withTakenLogin();
        }
        return taken.contains(request.getId());
    }

    public void approve(AccountRequest request) {
        try {
            boolean other = otherLogin != null && !otherLogin.isBlank();
            temporaryPassword = requests.approve(request.getId(), otherLogin);
            approvedLogin = other ? otherLogin.strip().toLowerCase(Locale.ROOT) : request.getLogin();
            messages.info("request.approved", approvedLogin);
            otherLogin = null;
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
        pending = null;
        taken = null;
    }

    public void reject(AccountRequest request) {
        try {
            requests.reject(request.getId(), reason);
            messages.info("request.rejected", request.getLogin());
            reason = null;
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
        pending = null;
        taken = null;
    }

    public String getOtherLogin() {
        return otherLogin;
    }

    public void setOtherLogin(String otherLogin) {
        this.otherLogin = otherLogin;
    }

    public String getApprovedLogin() {
        return approvedLogin;
    }

    public String getTemporaryPassword() {
        return temporaryPassword;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
