package cn.edu.xietong.web.health;

import cn.edu.xietong.operations.Health;
import cn.edu.xietong.operations.HealthService;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /health}: {@code {"status":"UP","checks":{"database":{"status":"UP"},"mail":{"status":"UP"}}}}, HTTP 200
 * when everything answers, 503 otherwise. Public; it says nothing beyond whether each dependency answers.
 */
@WebServlet("/health")
public class HealthServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private HealthService health;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Health result = health.check();
        JsonObjectBuilder checks = Json.createObjectBuilder();
        result.checks().forEach((name, check) -> checks.add(name, Json.createObjectBuilder()
                .add("status", check.up() ? "UP" : "DOWN")));
        response.setStatus(result.up() ? HttpServletResponse.SC_OK : HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(Json.createObjectBuilder()
                .add("status", result.up() ? "UP" : "DOWN")
                .add("checks", checks)
                .build().toString());
    }
}
