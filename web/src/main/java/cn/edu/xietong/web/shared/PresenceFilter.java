package cn.edu.xietong.web.shared;

import cn.edu.xietong.presence.PresenceTracker;
import jakarta.ejb.EJB;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Notes a logged-in person's activity (B1), at most once a minute per session, so pages cost no extra write. */
@WebFilter("*.xhtml")
public class PresenceFilter extends HttpFilter {

    private static final long serialVersionUID = 1L;
    private static final String LAST = PresenceFilter.class.getName() + ".last";
    private static final long EVERY_MILLIS = 60_000;
    private static final Logger LOG = Logger.getLogger(PresenceFilter.class.getName());

    @EJB
    private PresenceTracker presence;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        HttpSession session = request.getSession(false);
        if (session != null && request.getUserPrincipal() != null) {
            // how often a visit is noted: a rate, not a time of day; the wall clock, as the stamp outlives a restart
            long now = System.currentTimeMillis();
            if (!(session.getAttribute(LAST) instanceof Long last) || now - last >= EVERY_MILLIS) {
                session.setAttribute(LAST, now);
                try {
                    presence.seen();
                } catch (RuntimeException concurrentChange) {
                    // presence is best effort: a page never fails because its visit could not be noted
                    LOG.log(Level.FINE, "presence not recorded", concurrentChange);
                }
            }
        }
        chain.doFilter(request, response);
    }
}
