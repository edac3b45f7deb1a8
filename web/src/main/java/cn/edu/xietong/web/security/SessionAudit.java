package cn.edu.xietong.web.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebListener;
import jakarta.servlet.http.HttpSession;
import jakarta.servlet.http.HttpSessionEvent;
import jakarta.servlet.http.HttpSessionListener;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records in the audit trail (S5) when a logged-in session ends by idle timeout (S3). A logout is recorded where it
 * happens; sessions that end because the server stops are not timeouts and are not recorded.
 */
@WebListener
public class SessionAudit implements HttpSessionListener {

    /** Session attribute: the login name of the person logged in with this session. */
    static final String LOGIN = SessionAudit.class.getName() + ".login";

    private static final Logger LOG = Logger.getLogger(SessionAudit.class.getName());

    @EJB
    private AuditTrail audit;

    @Override
    public void sessionDestroyed(HttpSessionEvent event) {
        HttpSession session = event.getSession();
        Object login = session.getAttribute(LOGIN);
        // the container's own clock: it stamped the last access, and it ends idle sessions by it
        boolean timedOut = session.getMaxInactiveInterval() > 0 && System.currentTimeMillis()
                >= session.getLastAccessedTime() + session.getMaxInactiveInterval() * 1000L;
        if (login instanceof String name && timedOut) {
            try {
                audit.record(AuditEvent.SESSION_TIMEOUT, AuditOutcome.SUCCESS, name, null,
                        "idle " + session.getMaxInactiveInterval() / 60 + " min");
            } catch (RuntimeException stopping) {
                LOG.log(Level.FINE, "session timeout of " + name + " not recorded", stopping);
            }
        }
    }
}
