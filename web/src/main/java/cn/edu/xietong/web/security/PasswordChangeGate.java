package cn.edu.xietong.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Set;

/**
 * While a logged-in person must change their password (first login, after a reset, or expired: S2), every page but
 * the password page sends them there; then, while a privileged person must still enrol a second factor, every page
 * sends them to the enrolment page. The flags are set at login and cleared when the password is changed or the
 * second factor enrolled. {@link SessionCheckFilter} applies the gate to every request of a logged-in person, not only
 * to pages: a download (an attachment, the approval sheet) that the gate stops is answered, like a page, with a
 * redirect to the page to visit first, so nothing of the file is sent and a browser lands where the person can act.
 */
public final class PasswordChangeGate {

    static final String REQUIRED = PasswordChangeGate.class.getName() + ".required";
    static final String ENROLMENT_REQUIRED = PasswordChangeGate.class.getName() + ".enrolmentRequired";
    public static final String PAGE = "/account/password.xhtml";
    public static final String ENROLMENT_PAGE = "/account/two-factor.xhtml";
    private static final Set<String> OPEN = Set.of(PAGE, FormLoginMechanism.LOGIN_PAGE, "/error.xhtml",
            "/register.xhtml", LoginCodeView.PAGE);

    private PasswordChangeGate() {
    }

    /** Whether the gate stopped the request (and redirected it to the page to visit first). */
    static boolean stopped(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath();
        String first = firstPage(request);
        if (first != null && !first.equals(path) && !OPEN.contains(path)) {
            SessionCheckFilter.redirect(request, response, first);
            return true;
        }
        return false;
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
