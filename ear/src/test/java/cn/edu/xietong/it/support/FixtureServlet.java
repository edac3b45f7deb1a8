package cn.edu.xietong.it.support;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Test deployments only ({@link Deployments#withFixtures}): lets a browser test prepare its own data.
 * <ul>
 *     <li>{@code POST /it-fixtures/reset-person?password=…}: a person whose password an administrator has just reset;
 *     answers with their login name;</li>
 *     <li>{@code POST /it-fixtures/person?password=…&role=…[&unit=code][&confirmedDaysAgo=n]}: a person in a fresh
 *     unit (or the given one) with that role (for that unit, if unit-scoped), last confirmed as a member n days ago;
 *     answers with their login name;</li>
 *     <li>{@code POST /it-fixtures/unit-of?login=…}: the code of the person's unit;</li>
 *     <li>{@code POST /it-fixtures/presence?login=…&day=yyyy-MM-dd&minutes=m1,m2}: the person was active then;</li>
 *     <li>{@code POST /it-fixtures/login-rules?secondFactor=…&singleSession=…}: sets the policy's login rules.</li>
 * </ul>
 */
@WebServlet("/it-fixtures/*")
public class FixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private TestData data;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));
        String password = request.getParameter("password");
        String answer = switch (String.valueOf(request.getPathInfo())) {
            case "/reset-person" -> {
                Person person = data.person("Initial#Pass2026", cheap);
                data.resetPassword(person, password, cheap);
                yield person.getLogin();
            }
            case "/person" -> {
                String unit = request.getParameter("unit");
                Person person = data.personIn(unit == null ? data.unit() : data.unitByCode(unit), password, cheap,
                        Role.valueOf(request.getParameter("role")));
                String confirmedDaysAgo = request.getParameter("confirmedDaysAgo");
                if (confirmedDaysAgo != null) {
                    data.ageConfirmation(person, Long.parseLong(confirmedDaysAgo));
                }
                yield person.getLogin();
            }
            case "/presence" -> {
                Person person = data.personByLogin(request.getParameter("login"));
                data.presence(person, java.time.LocalDate.parse(request.getParameter("day")),
                        java.util.Arrays.stream(request.getParameter("minutes").split(","))
                                .mapToInt(Integer::parseInt).toArray());
                yield "ok";
            }
            case "/unit-of" -> data.unitOf(request.getParameter("login")).getCode();
            case "/login-rules" -> {
                data.loginRules(Boolean.parseBoolean(request.getParameter("secondFactor")),
                        Boolean.parseBoolean(request.getParameter("singleSession")));
                yield "ok";
            }
            default -> null;
        };
        if (answer == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/plain");
        response.getWriter().write(answer);
    }

    /** Calls a fixture from the test (client side), e.g. {@code call(base, "/person?password=…&role=SYS_ADMIN")}. */
    public static String call(URL base, String pathAndQuery) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base.toExternalForm().replaceAll("/+$", "") + "/it-fixtures" + pathAndQuery))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("fixture " + pathAndQuery + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
