package cn.edu.xietong.web.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.security.SessionEnd;
import cn.edu.xietong.security.SessionGate;
import cn.edu.xietong.security.SessionStamp;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Set;

/**
 * Every request of a logged-in person — pages, downloads (/flow/file, /flow/sheet) and any other servlet — passes two
 * checks, in this order (S2, S3; ASVS 3.3):
 * <ol>
 *     <li>whether the session goes on ({@link SessionGate#check}, one database read, so it holds on every server of
 *     a cluster): it ends when the account was deactivated, its password reset or changed in another session, its
 *     roles changed, a newer login began (one session per account, when the policy says so), or when it reached the
 *     policy's absolute lifetime. The person lands on the login page, which says why, and the ending is audited;</li>
 *     <li>{@link PasswordChangeGate}: a password to change or a second factor to enrol comes before anything else.</li>
 * </ol>
 * Public resources (the login, registration, second-step and error pages, Faces resources, /health) pass unchecked:
 * they show nothing of an account, and stylesheets and scripts cost no database read.
 */
@WebFilter("/*")
public class SessionCheckFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    /** Session attribute: the {@link SessionStamp} of the login that made this session. */
    static final String STAMP = SessionCheckFilter.class.getName() + ".stamp";
    static final Set<String> PUBLIC = Set.of(FormLoginMechanism.LOGIN_PAGE, "/register.xhtml", LoginCodeView.PAGE,
            "/error.xhtml", "/health");
    private static final String RESOURCES = "/jakarta.faces.resource/";

    @EJB
    private SessionGate sessions;

    @EJB
    private AuditTrail audit;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null && !PUBLIC.contains(path)
                && !path.startsWith(RESOURCES)) {
            String login = request.getUserPrincipal().getName();
            // a login always leaves its stamp (DirectoryIdentityStore): a session without one is not trusted
            SessionEnd end = session.getAttribute(STAMP) instanceof SessionStamp stamp
                    ? sessions.check(login, stamp) : SessionEnd.EXPIRED;
            if (end != null) {
                end(request, response, session, login, end);
                return;
            }
            if (PasswordChangeGate.stopped(request, response)) {
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private void end(HttpServletRequest request, HttpServletResponse response, HttpSession session, String login,
                     SessionEnd end) throws IOException, ServletException {
        if (end == SessionEnd.REPLACED) {
            audit.record(AuditEvent.SESSION_REPLACED, AuditOutcome.SUCCESS, login, request.getRemoteAddr(),
                    "ended by a newer login of the same account");
        } else {
            audit.record(AuditEvent.SESSION_ENDED, AuditOutcome.SUCCESS, login, request.getRemoteAddr(), end.name());
        }
        session.removeAttribute(SessionAudit.LOGIN); // not a timeout
        request.logout();
        session.invalidate();
        redirect(request, response, FormLoginMechanism.LOGIN_PAGE
                + (end == SessionEnd.REPLACED ? "?replaced=true" : "?ended=" + end.name()));
    }

    /** The session the person changed their password in goes on, under the person's new session epoch. */
    public static void renew(HttpServletRequest request, long epoch) {
        HttpSession session = request.getSession(false);
        if (session != null && session.getAttribute(STAMP) instanceof SessionStamp stamp) {
            session.setAttribute(STAMP, stamp.withEpoch(epoch));
        }
    }

    /**
     * Redirects to a path within Xietong; a Faces Ajax request gets the redirect as a partial response, which the
     * page's script follows (a plain redirect would be fetched by the script and fail to render).
     */
    static void redirect(HttpServletRequest request, HttpServletResponse response, String path) throws IOException {
        String url = request.getContextPath() + path;
        if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.getWriter().write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                    + url.replace("&", "&amp;") + "\"/></partial-response>");
            return;
        }
        response.sendRedirect(url);
    }
}
