package cn.edu.xietong.web.security;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.security.AccountService;
import cn.edu.xietong.security.AuthenticatedCaller;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;

import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Validates user name and password against Xietong's directory. The caller's groups are their role names, which
 * the web and EJB containers use as roles.
 */
@ApplicationScoped
public class DirectoryIdentityStore implements IdentityStore {

    @EJB
    private AccountService accounts;

    @Override
    public CredentialValidationResult validate(Credential credential) {
        if (!(credential instanceof UsernamePasswordCredential login)) {
            return CredentialValidationResult.NOT_VALIDATED_RESULT;
        }
        Optional<AuthenticatedCaller> caller = accounts.authenticate(login.getCaller(), login.getPassword().getValue());
        return caller.map(c -> new CredentialValidationResult(c.login(),
                        c.roles().stream().map(Role::name).collect(Collectors.toSet())))
                .orElse(CredentialValidationResult.INVALID_RESULT);
    }
}
