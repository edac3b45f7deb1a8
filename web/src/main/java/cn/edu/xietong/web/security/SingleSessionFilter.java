package cn.edu.xietong.web.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.security.AccountService;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;

/**
 * One session per account (S3), when the security policy asks for it: a session whose login is no longer the
 * account's newest ends at its next request, and the person is told why on the login page. The check reads the
 * database, so it holds across the servers of a cluster.
 */
@WebFilter("*.xhtml")
public class SingleSessionFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Session attribute: the marker of the login that made this session. */
    static final String MARKER = SingleSessionFilter.class.getName() + ".marker";

    @EJB
    private AccountService accounts;

    @EJB
    private AuditTrail audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null
                && session.getAttribute(MARKER) instanceof String marker) {
            String login = request.getUserPrincipal().getName();
            if (!accounts.sessionCurrent(login, marker)) {
                audit.record(AuditEvent.SESSION_REPLACED, AuditOutcome.SUCCESS, login, request.getRemoteAddr(),
                        "ended by a newer login of the same account");
                session.removeAttribute(SessionAudit.LOGIN); // not a timeout
                request.logout();
                session.invalidate();
                response.sendRedirect(request.getContextPath() + FormLoginMechanism.LOGIN_PAGE + "?replaced=true");
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
