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
 * the password page sends them there. The flag is set at login and cleared when the password is changed.
 */
@WebFilter("*.xhtml")
public class PasswordChangeGate extends HttpFilter {

    private static final long serialVersionUID = 1L;
    static final String REQUIRED = PasswordChangeGate.class.getName() + ".required";
    public static final String PAGE = "/account/password.xhtml";
    private static final Set<String> OPEN = Set.of(PAGE, FormLoginMechanism.LOGIN_PAGE, "/error.xhtml", "/register.xhtml");

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath();
        if (required(request) && !OPEN.contains(path)) {
            response.sendRedirect(request.getContextPath() + PAGE);
            return;
        }
        chain.doFilter(request, response);
    }

    public static boolean required(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session != null && Boolean.TRUE.equals(session.getAttribute(REQUIRED));
    }

    /** The password was changed: pages open again. */
    public static void satisfied(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(REQUIRED);
        }
    }
}
