package cn.edu.xietong.web.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.presence.PresenceTracker;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;

import java.io.IOException;

/** Logout from the top bar: ends the login and the session, back to the login page. */
@Named
@RequestScoped
public class SessionView {

    @Inject
    private FacesContext faces;

    @EJB
    private AuditTrail audit;

    @EJB
    private PresenceTracker presence;

    public void logout() throws ServletException, IOException {
        ExternalContext external = faces.getExternalContext();
        HttpServletRequest request = (HttpServletRequest) external.getRequest();
        if (request.getUserPrincipal() != null) {
            presence.left();
            audit.record(AuditEvent.LOGOUT, AuditOutcome.SUCCESS, request.getUserPrincipal().getName(),
                    request.getRemoteAddr(), null);
        }
        if (request.getSession(false) != null) {
            request.getSession().removeAttribute(SessionAudit.LOGIN); // recorded as a logout, not a timeout
        }
        request.logout();
        external.invalidateSession();
        external.redirect(external.getRequestContextPath() + "/login.xhtml?loggedOut=true");
    }
}
