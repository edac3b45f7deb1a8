package cn.edu.xietong.web.security;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.security.AccountService;
import cn.edu.xietong.security.LoginResult;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import jakarta.servlet.http.HttpServletRequest;

import java.util.stream.Collectors;

/**
 * Validates user name and password against Xietong's directory, with the client's address for throttling and the
 * audit trail. The caller's groups are their role names, which the web and EJB containers use as roles. Why a login
 * failed (wrong credentials, locked, throttled) is left in a request attribute for the login page's message.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    /** Request attribute holding the {@link LoginResult.Outcome} of the request's login attempt. */
    public static final String OUTCOME = DirectoryIdentityStore.class.getName() + ".outcome";

    @EJB
    private AccountService accounts;

    @Inject
    private HttpServletRequest request;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        LoginResult result = accounts.logIn(login.getCaller(), login.getPassword().getValue(), request.getRemoteAddr());
        request.setAttribute(OUTCOME, result.outcome());
        if (result.passwordChangeRequired()) {
            request.getSession().setAttribute(PasswordChangeGate.REQUIRED, Boolean.TRUE);
        }
        return result.authenticated()
                .map(c -> new CredentialValidationResult(c.login(),
                        c.roles().stream().map(Role::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
