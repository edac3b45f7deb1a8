package cn.edu.xietong.web.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.security.LoginPolicy;
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
import jakarta.security.enterprise.credential.Password;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/** Backs login.xhtml: hands the credentials to Jakarta Security and reports a failure without saying which part. */
@Named
@RequestScoped
public class LoginView {

    @Inject
    private SecurityContext securityContext;

    @Inject
    private FacesContext faces;

    @Inject
    private Messages messages;

    private String username;
    private String password;

    public void login() throws IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getSession(false) != null) {
            request.changeSessionId(); // a session id known before login is never the one that carries the login
        }
        AuthenticationStatus status = securityContext.authenticate(request,
                (HttpServletResponse) external.getResponse(),
                AuthenticationParameters.withParams()
                        .credential(new UsernamePasswordCredential(username, new Password(password)))
                        .newAuthentication(true));
        password = null;
        if (status == AuthenticationStatus.SUCCESS || status == AuthenticationStatus.SEND_CONTINUE) {
            request.getSession().setAttribute(SessionAudit.LOGIN, Person.normaliseLogin(username));
        }
        if (status != AuthenticationStatus.SUCCESS && outcome(request) == LoginResult.Outcome.SECOND_FACTOR) {
            external.redirect(external.getRequestContextPath() + LoginCodeView.PAGE);
            return;
        }
        finish(status, external, request, messages);
    }

    /** After either step of a login: on to the page the person must or wanted to see, or say why not. */
    static void finish(AuthenticationStatus status, ExternalContext external, HttpServletRequest request,
                       Messages messages) throws IOException {
        switch (status) {
            case SEND_CONTINUE -> FacesContext.getCurrentInstance().responseComplete();
            case SUCCESS -> {
                String first = PasswordChangeGate.firstPage(request);
                external.redirect(external.getRequestContextPath()
                        + (first != null ? first : FormLoginMechanism.takeTarget(request)));
            }
            default -> {
                switch (outcome(request)) {
                    case LOCKED -> messages.error("login.locked", LoginPolicy.current().lockout().toMinutes());
                    case THROTTLED -> messages.error("login.throttled", LoginPolicy.current().clientBlock().toMinutes());
                    case CHALLENGE_EXPIRED -> messages.error("login.challengeExpired");
                    default -> messages.error("login.failed");
                }
            }
        }
    }

    static LoginResult.Outcome outcome(HttpServletRequest request) {
        return request.getAttribute(DirectoryIdentityStore.OUTCOME) instanceof LoginResult.Outcome o
                ? o : LoginResult.Outcome.INVALID;
    }

    public String getUsername() {
        return username;
    }

    public void setUsername(String username) {
        this.username = username;
    }

    public String getPassword() {
        return password;
    }

    public void setPassword(String password) {
        this.password = password;
    }
}
