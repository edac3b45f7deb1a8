package cn.edu.xietong.web.security;

import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.web.shared.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * Backs login-code.xhtml, the second step of a login (S2): after the right password, a code from the authenticator
 * app or a recovery code. The ticket the password earned stays in the server-side session, never in the page.
 */
@Named
@RequestScoped
public class LoginCodeView {

    static final String PAGE = "/login-code.xhtml";
    static final String TICKET = LoginCodeView.class.getName() + ".ticket";

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    @Inject
    private Messages messages;

    private String code;

    /** Without a pending second step there is nothing to do here: back to the password. */
    public void check() throws IOException {
        if (ticket() == null) {
            ExternalContext external = faces.getExternalContext();
            external.redirect(external.getRequestContextPath() + FormLoginMechanism.LOGIN_PAGE);
        }
    }

    public void verify() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        String ticket = ticket();
        if (ticket == null) {
            external.redirect(external.getRequestContextPath() + FormLoginMechanism.LOGIN_PAGE);
            return;
        }
        request.changeSessionId();
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams().credential(new SecondFactorCredential(ticket, code))
                        .newAuthentication(true));
        code = null;
        if (status == AuthenticationStatus.SUCCESS) {
            request.getSession().setAttribute(SessionAudit.LOGIN, request.getUserPrincipal().getName());
        }
        LoginResult.Outcome outcome = LoginView.outcome(request);
        if (status != AuthenticationStatus.SUCCESS && outcome == LoginResult.Outcome.INVALID) {
            messages.error("twoFactor.wrongCode"); // the ticket is still good for another code
            return;
        }
        if (status != AuthenticationStatus.SUCCESS) {
            external.getFlash().setKeepMessages(true); // the password must be given again, on the login page
            LoginView.finish(status, external, request, messages);
            external.redirect(external.getRequestContextPath() + FormLoginMechanism.LOGIN_PAGE);
            return;
        }
        LoginView.finish(status, external, request, messages);
    }

    private String ticket() {
        HttpSession session = ((HttpServletRequest) faces.getExternalContext().getRequest()).getSession(false);
        return session == null ? null : (String) session.getAttribute(TICKET);
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }
}
