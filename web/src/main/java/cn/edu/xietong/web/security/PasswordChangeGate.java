package cn.edu.xietong.web.security;

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
 * While a logged-in person must change their password (first login, after a reset, or expired: S2), every page but
 * the password page sends them there; then, while a privileged person must still enrol a second factor, every page
 * sends them to the enrolment page. The flags are set at login and cleared when the password is changed or the
 * second factor enrolled.
 */
@WebFilter("*.xhtml")
public class PasswordChangeGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String REQUIRED = PasswordChangeGate.class.getName() + ".required";
    static final String ENROLMENT_REQUIRED = PasswordChangeGate.class.getName() + ".enrolmentRequired";
    public static final String PAGE = "/account/password.xhtml";
    public static final String ENROLMENT_PAGE = "/account/two-factor.xhtml";
    private static final Set<String> OPEN = Set.of(PAGE, FormLoginMechanism.LOGIN_PAGE, "/error.xhtml",
            "/register.xhtml", LoginCodeView.PAGE);

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        String first = firstPage(request);
        if (first != null && !first.equals(path) && !OPEN.contains(path)) {
            response.sendRedirect(request.getContextPath() + first);
            return;
        }
        chain.doFilter(request, response);
    }

    /** The page a person must visit before any other (password first, then enrolment), or {@code null}. */
    public static String firstPage(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return null;
        }
        if (Boolean.TRUE.equals(session.getAttribute(REQUIRED))) {
            return PAGE;
        }
        return Boolean.TRUE.equals(session.getAttribute(ENROLMENT_REQUIRED)) ? ENROLMENT_PAGE : null;
    }

    public static boolean required(HttpServletRequest request) {
        return PAGE.equals(firstPage(request));
    }

    /** The password was changed: pages open again (unless a second factor must still be enrolled). */
    public static void satisfied(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(REQUIRED);
        }
    }

    /** A second factor was enrolled. */
    public static void enrolled(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(ENROLMENT_REQUIRED);
        }
    }
}
