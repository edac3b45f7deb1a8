package cn.edu.xietong.web.health;

import cn.edu.xietong.operations.Health;
import cn.edu.xietong.operations.HealthChecks;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.time.Duration;

/**
 * {@code GET /health} (O2.5): HTTP 200 when the database, the SMTP server and the virus scanner answer, 503 otherwise.
 * Anonymous callers (load balancers, monitoring) get {@code {"status":"UP"}} only, from checks made at most once per
 * {@code xietong.health.cacheSeconds} (default 5) on this server, so that calling it often opens no connections;
 * {@code GET /health/details} gives a logged-in system administrator or batch operator every check with its detail,
 * checked afresh.
 */
@WebServlet({"/health", HealthServlet.DETAILS})
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    /** Every check with its detail, for the system administrator and batch operators (web.xml guards it). */
    static final String DETAILS = "/health/details";

    @EJB
    private HealthChecks health;

    private record Checked(Health health, long atNanos) {
    }

    private transient volatile Checked last;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean administrator = DETAILS.equals(request.getServletPath())
                && (request.isUserInRole("SYS_ADMIN") || request.isUserInRole("BATCH_OPERATOR"));
        Health result = administrator ? health.check() : cached();
        JsonObjectBuilder body = Json.createObjectBuilder().add("status", result.up() ? "UP" : "DOWN");
        if (administrator) {
            JsonObjectBuilder checks = Json.createObjectBuilder();
            result.checks().forEach((name, check) -> checks.add(name, Json.createObjectBuilder()
                    .add("status", check.up() ? "UP" : "DOWN").add("detail", check.detail())));
            body.add("checks", checks);
        }
        response.setStatus(result.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(body.build().toString());
    }

    /** The last checks while they are fresh enough; two callers at once may both check, which is harmless. */
    private Health cached() {
        Checked current = last;
        long now = System.nanoTime(); // the cache's age is elapsed time, not a time of day
        if (current == null
                || now - current.atNanos() > Duration.ofSeconds(Long.getLong("xietong.health.cacheSeconds", 5)).toNanos()) {
            current = new Checked(health.check(), now);
            last = current;
        }
        return current.health();
    }
}
