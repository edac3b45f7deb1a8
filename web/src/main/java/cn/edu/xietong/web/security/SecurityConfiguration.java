package cn.edu.xietong.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.CustomFormAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.LoginToContinue;

/**
 * Form login through {@code login.xhtml}: an unauthenticated request for a protected page is redirected there and,
 * after a successful login, on to the page first asked for. Which pages need which role is in web.xml.
 */
@CustomFormAuthenticationMechanismDefinition(
        loginToContinue = @LoginToContinue(loginPage = "/login.xhtml", useForwardToLogin = false, errorPage = ""))
@DeclareRoles({"STAFF", "UNIT_LEADER", "SCHOOL_LEADER", "UNIT_IT", "SUPERVISOR", "SYS_ADMIN", "BATCH_OPERATOR"})
@ApplicationScoped
public class SecurityConfiguration {
}
