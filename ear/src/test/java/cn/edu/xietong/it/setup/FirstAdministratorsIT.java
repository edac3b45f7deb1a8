package cn.edu.xietong.it.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.LoginResult;
import cn.edu.xietong.setup.FirstAdministrator;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S2, S3 (三员): at the first start outside demo mode the three administrators are created from the environment, each
 * made to change the password and to enrol two-step verification at the first login, whatever the policy says. The
 * test server runs in demo mode (its seats are filled), so the creation is called here with test values.
 */
@ExtendWith(ArquillianExtension.class)
class FirstAdministratorsIT {

    private static final Set<Role> ALL = EnumSet.of(Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);

    @EJB
    private FirstAdministrator first;

    @EJB
    private Authentication accounts;

    @EJB
    private TestData data;

    private static String fresh(String prefix) {
        return prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    }

    private static FirstAdministrator.Environment environment(Map<String, String> variables) {
        return new FirstAdministrator.Environment() {
            @Override
            public Optional<String> setting(String property, String variable) {
                return Optional.ofNullable(variables.get(variable));
            }

            @Override
            public Optional<char[]> secret(String variable) {
                return Optional.ofNullable(variables.get(variable)).map(String::toCharArray);
            }
        };
    }

    private static Map<String, String> threeAdministrators() {
        return new HashMap<>(Map.of(
                "XIETONG_ADMIN_LOGIN", fresh("sys"), "XIETONG_ADMIN_PASSWORD", "Campus-system1",
                "XIETONG_SECURITY_ADMIN_LOGIN", fresh("sec"), "XIETONG_SECURITY_ADMIN_PASSWORD", "Campus-secure2",
                "XIETONG_AUDIT_ADMIN_LOGIN", fresh("aud"), "XIETONG_AUDIT_ADMIN_PASSWORD", "Campus-audits3"));
    }

    @Test
    void theThreeAdministratorsMustChangeTheirPasswordAndEnrolASecondFactorAtTheFirstLogin() {
        Map<String, String> variables = threeAdministrators();
        data.loginRules(false, false); // demo mode's default, said here: the policy does not ask for it
        assertEquals(List.of(), first.create(ALL, environment(variables)));
        for (String seat : List.of("XIETONG_ADMIN", "XIETONG_SECURITY_ADMIN", "XIETONG_AUDIT_ADMIN")) {
            String login = variables.get(seat + "_LOGIN");
            Person person = data.personByLogin(login);
            assertEquals(1, person.roleSet().stream().filter(
                    r -> EnumSet.of(Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN).contains(r)).count());
            LoginResult result = accounts.logIn(login, variables.get(seat + "_PASSWORD").toCharArray(),
                    "192.0.2.91");
            assertEquals(LoginResult.Outcome.SUCCESS, result.outcome(), seat);
            assertTrue(result.passwordChangeRequired(), seat);
            assertTrue(result.secondFactorEnrolmentRequired(), seat + ": even with the policy's requirement switched off");
        }
        assertTrue(data.personByLogin(variables.get("XIETONG_SECURITY_ADMIN_LOGIN")).hasRole(Role.SECURITY_ADMIN));
        assertTrue(data.personByLogin(variables.get("XIETONG_AUDIT_ADMIN_LOGIN")).hasRole(Role.AUDIT_ADMIN));
        assertTrue(data.personByLogin(variables.get("XIETONG_ADMIN_LOGIN")).hasRole(Role.SYS_ADMIN));
    }

    @Test
    void aMissingVariableIsNamedAndNoneOfTheThreeIsCreated() {
        Map<String, String> variables = threeAdministrators();
        variables.remove("XIETONG_AUDIT_ADMIN_PASSWORD");
        List<String> problems = first.create(ALL, environment(variables));
        assertTrue(String.join("\n", problems).contains("XIETONG_AUDIT_ADMIN_PASSWORD"), problems.toString());
        for (String seat : List.of("XIETONG_ADMIN", "XIETONG_SECURITY_ADMIN", "XIETONG_AUDIT_ADMIN")) {
            assertFalse(data.personMaybe(variables.get(seat + "_LOGIN")).isPresent(), seat);
        }
    }

    @Test
    void aLoginThatIsTakenIsNamedAndNoneOfTheThreeIsCreated() {
        Map<String, String> variables = threeAdministrators();
        variables.put("XIETONG_SECURITY_ADMIN_LOGIN", "caoyu");
        List<String> problems = first.create(ALL, environment(variables));
        assertTrue(String.join("\n", problems).contains("XIETONG_SECURITY_ADMIN_LOGIN"), problems.toString());
        assertFalse(data.personMaybe(variables.get("XIETONG_ADMIN_LOGIN")).isPresent());
    }
}
