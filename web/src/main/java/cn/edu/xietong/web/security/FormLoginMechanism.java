package cn.edu.xietong.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.AutoApplySession;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Form login through login.xhtml (S2, S3). A request for a protected page without a login remembers that page (its
 * path within Xietong, GET only) and is redirected to the login page; the login page hands the credentials over
 * through {@code SecurityContext.authenticate}, and {@link LoginView} then continues to the remembered page. The
 * login is kept in the HTTP session ({@link AutoApplySession}).
 */
@ApplicationScoped
@AutoApplySession
public class FormLoginMechanism implements HttpAuthenticationMechanism {

    static final String LOGIN_PAGE = "/login.xhtml";
    private static final String TARGET = FormLoginMechanism.class.getName() + ".target";

    @Inject
    private IdentityStoreHandler identityStores;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) {
        Credential credential = context.getAuthParameters().getCredential();
        if (credential != null) {
            return context.notifyContainerAboutLogin(identityStores.validate(credential));
        }
        if (context.isProtected()) {
            if ("GET".equals(request.getMethod())) {
                String query = request.getQueryString();
                request.getSession().setAttribute(TARGET,
                        request.getRequestURI().substring(request.getContextPath().length())
                                + (query == null ? "" : "?" + query));
            }
            return context.redirect(request.getContextPath() + LOGIN_PAGE);
        }
        return context.doNothing();
    }

    /** The page asked for before login (a path within Xietong), or the workbench; forgotten once read. */
    static String takeTarget(HttpServletRequest request) {
        var session = request.getSession(false);
        Object target = session == null ? null : session.getAttribute(TARGET);
        if (session != null) {
            session.removeAttribute(TARGET);
        }
        return target instanceof String path && path.startsWith("/") && !path.startsWith("//") ? path : "/";
    }
}
