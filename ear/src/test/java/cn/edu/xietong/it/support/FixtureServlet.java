package cn.edu.xietong.it.support;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Test deployments only ({@link Deployments#withFixtures}): lets a browser test prepare its own data.
 * {@code POST /it-fixtures/reset-person?password=…} creates a person whose password an administrator has just reset,
 * and answers with their login name.
 */
@WebServlet("/it-fixtures/reset-person")
public class FixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private TestData data;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));
        String password = request.getParameter("password");
        Person person = data.person("Initial#Pass2026", cheap);
        data.resetPassword(person, password, cheap);
        response.setContentType("text/plain");
        response.getWriter().write(person.getLogin());
    }
}
