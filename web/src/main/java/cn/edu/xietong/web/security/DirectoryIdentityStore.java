package cn.edu.xietong.web.security;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginResult;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.util.stream.Collectors;

/**
 * Validates user name and password against Xietong's directory, with the client's address for throttling and the
 * audit trail, and the second step's code ({@link SecondFactorCredential}). The caller's groups are their role names, which the web and EJB containers use as roles. Why a login
 * failed (wrong credentials, locked, throttled) is left in a request attribute for the login page's message.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    /** Request attribute holding the {@link LoginResult.Outcome} of the request's login attempt. */
    public static final String OUTCOME = DirectoryIdentityStore.class.getName() + ".outcome";

    @EJB
    private Authentication accounts;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        LoginResult result;
        if (credential instanceof UsernamePasswordCredential login) {
            result = accounts.logIn(login.getCaller(), login.getPassword().getValue(), request.getRemoteAddr());
        } else if (credential instanceof SecondFactorCredential second) {
            result = accounts.logInSecondStep(second.ticket(), second.code(), request.getRemoteAddr());
        } else {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        request.setAttribute(OUTCOME, result.outcome());
        HttpSession session = request.getSession();
        if (result.outcome() == LoginResult.Outcome.SECOND_FACTOR) {
            session.setAttribute(LoginCodeView.TICKET, result.challengeTicket());
        } else if (!(credential instanceof SecondFactorCredential && result.outcome() == LoginResult.Outcome.INVALID)) {
            session.removeAttribute(LoginCodeView.TICKET); // a wrong code keeps the ticket for another try
        }
        if (result.passwordChangeRequired()) {
            session.setAttribute(PasswordChangeGate.REQUIRED, Boolean.TRUE);
        }
        if (result.secondFactorEnrolmentRequired()) {
            session.setAttribute(PasswordChangeGate.ENROLMENT_REQUIRED, Boolean.TRUE);
        }
        if (result.session() != null) {
            session.setAttribute(SessionCheckFilter.STAMP, result.session());
        }
        return result.authenticated()
                .map(c -> new CredentialValidationResult(c.login(),
                        c.roles().stream().map(Role::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
