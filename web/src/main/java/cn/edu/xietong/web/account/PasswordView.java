package cn.edu.xietong.web.account;

import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.security.PasswordChangeGate;
import cn.edu.xietong.web.security.SessionCheckFilter;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Backs account/password.xhtml: the person changes their own password under the policy. */
@Named
@RequestScoped
public class PasswordView {

    @EJB
    private Authentication accounts;

    @Inject
    private Messages messages;

    @Inject
    private FacesContext faces;

    private String current;
    private String next;
    private String confirmation;
    private PasswordPolicy policy;

    public void change() throws IOException {
        if (next == null || !next.equals(confirmation)) {
            messages.error("password.mismatch");
            return;
        }
        long epoch;
        try {
            epoch = accounts.changePassword(current.toCharArray(), next.toCharArray());
        } catch (InvalidInputException refused) {
            PasswordPolicy p = getPolicy();
            refused.problems().forEach(key -> messages.error(key, switch (key) {
                case "password.tooShort" -> p.getMinLength();
                case "password.tooFewClasses" -> p.getMinClasses();
                case "password.reused" -> p.getHistorySize();
                default -> "";
            }));
            return;
        }
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        SessionCheckFilter.renew(request, epoch); // the person's other sessions end, this one goes on (S3)
        PasswordChangeGate.satisfied(request);
        external.getFlash().setKeepMessages(true);
        messages.info("password.changed");
        external.redirect(external.getRequestContextPath() + "/");
    }

    public boolean isForced() {
        return PasswordChangeGate.required((HttpServletRequest) faces.getExternalContext().getRequest());
    }

    public PasswordPolicy getPolicy() {
        if (policy == null) {
            policy = accounts.passwordPolicy();
        }
        return policy;
    }

    public String getCurrent() {
        return current;
    }

    public void setCurrent(String current) {
        this.current = current;
    }

    public String getNext() {
        return next;
    }

    public void setNext(String next) {
        this.next = next;
    }

    public String getConfirmation() {
        return confirmation;
    }

    public void setConfirmation(String confirmation) {
        this.confirmation = confirmation;
    }
}
