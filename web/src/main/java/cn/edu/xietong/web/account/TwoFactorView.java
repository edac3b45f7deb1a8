package cn.edu.xietong.web.account;

import cn.edu.xietong.security.SecondFactorEnrolment;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.security.PasswordChangeGate;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.QrCodes;
import jakarta.ejb.EJB;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;

import java.io.Serializable;
import java.util.List;

/**
 * Backs account/two-factor.xhtml (S2): enrol a second factor by scanning a QR code with an authenticator app, keep
 * the recovery codes shown once, replace them, or switch the second factor off where the policy allows.
 */
@Named
@ViewScoped
public class TwoFactorView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SecondFactorEnrolment secondFactors;

    @Inject
    private Messages messages;

    private SecondFactorEnrolment.Status status;
    private SecondFactorEnrolment.Enrolment enrolment;
    private List<String> recoveryCodes = List.of();
    private String code;

    public SecondFactorEnrolment.Status getStatus() {
        if (status == null) {
            status = secondFactors.status();
        }
        return status;
    }

    public void begin() {
        try {
            enrolment = secondFactors.begin();
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    public void confirm() {
        act(() -> secondFactors.confirm(code), "twoFactor.enrolled");
        if (!recoveryCodes.isEmpty()) {
            enrolment = null;
            PasswordChangeGate.enrolled((HttpServletRequest) FacesContext.getCurrentInstance()
                    .getExternalContext().getRequest());
        }
    }

    public void newRecoveryCodes() {
        act(() -> secondFactors.newRecoveryCodes(code), "twoFactor.codesReplaced");
    }

    public void disable() {
        act(() -> {
            secondFactors.disable(code);
            return List.of();
        }, "twoFactor.disabled");
    }

    private void act(java.util.function.Supplier<List<String>> action, String success) {
        try {
            recoveryCodes = action.get();
            status = null;
            messages.info(success);
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        } finally {
            code = null;
        }
    }

    public SecondFactorEnrolment.Enrolment getEnrolment() {
        return enrolment;
    }

    /** The key URI as a QR code, inline, so the secret never travels in a URL of its own. */
    public String getQrDataUri() {
        return enrolment == null ? null : QrCodes.svgDataUri(enrolment.keyUri());
    }

    /** The secret in groups of four, for typing into an app by hand. */
    public String getGroupedSecret() {
        return enrolment == null ? null : enrolment.secret().replaceAll("(.{4})(?!$)", "$1 ");
    }

    public List<String> getRecoveryCodes() {
        return recoveryCodes;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
