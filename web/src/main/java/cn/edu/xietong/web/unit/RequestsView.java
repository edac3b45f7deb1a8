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
    private String approvedLogin;
    private String temporaryPassword;
    private transient List<AccountRequest> pending;

    public List<AccountRequest> getPending() {
        if (pending == null) {
            pending = requests.pending();
        }
        return pending;
    }

    public void approve(AccountRequest request) {
        try {
            temporaryPassword = requests.approve(request.getId());
            approvedLogin = request.getLogin();
            messages.info("request.approved", request.getLogin());
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
        pending = null;
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
