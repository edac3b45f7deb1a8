package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.security.PasswordPolicy;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S2, S3: the first administrators come from the environment, all three of 三员 at once, never with a weak password;
 * what is missing or wrong is named by its variable.
 */
class FirstAdministratorTest {

    private static final Set<Role> ALL = EnumSet.of(Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN);
    private static final PasswordPolicy POLICY = new PasswordPolicy(12, 3, 5, 90, 60, 7);

    private final Map<String, String> variables = new HashMap<>(Map.of(
            "XIETONG_ADMIN_LOGIN", "admin", "XIETONG_ADMIN_PASSWORD", "Campus-system1",
            "XIETONG_SECURITY_ADMIN_LOGIN", "security", "XIETONG_SECURITY_ADMIN_PASSWORD", "Campus-secure2",
            "XIETONG_SECURITY_ADMIN_NAME", "卢安",
            "XIETONG_AUDIT_ADMIN_LOGIN", "auditor", "XIETONG_AUDIT_ADMIN_PASSWORD", "Campus-audits3"));

    private final FirstAdministrator.Environment environment = new FirstAdministrator.Environment() {
        @Override
        public Optional<String> setting(String property, String variable) {
            return Optional.ofNullable(variables.get(variable));
        }

        @Override
        public Optional<char[]> secret(String variable) {
            return Optional.ofNullable(variables.get(variable)).map(String::toCharArray);
        }
    };

    private FirstAdministrator.Plan plan(Set<Role> empty) {
        return FirstAdministrator.plan(empty, environment, POLICY, login -> login.equals("caoyu"));
    }

    @Test
    void twelveCharactersFromThreeClassesAreStrongEnough() {
        assertTrue(FirstAdministrator.strongEnough("Campus-admin1".toCharArray()));
        assertTrue(FirstAdministrator.strongEnough("xietong#2026admin".toCharArray()));
    }

    @Test
    void shortOrSingleClassPasswordsAreRefused() {
        assertFalse(FirstAdministrator.strongEnough("Ab#1".toCharArray()));
        assertFalse(FirstAdministrator.strongEnough("alllowercaseletters".toCharArray()));
        assertFalse(FirstAdministrator.strongEnough("lowercaseand12345".toCharArray()));
    }

    @Test
    void aFreshInstallationGetsAllThreeAdministratorsFromTheEnvironment() {
        FirstAdministrator.Plan plan = plan(ALL);
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of(Role.SYS_ADMIN, Role.SECURITY_ADMIN, Role.AUDIT_ADMIN),
                plan.administrators().stream().map(FirstAdministrator.Administrator::role).toList());
        assertEquals(List.of("admin", "security", "auditor"),
                plan.administrators().stream().map(FirstAdministrator.Administrator::login).toList());
        assertEquals(List.of("系统管理员", "卢安", "审计管理员"),
                plan.administrators().stream().map(FirstAdministrator.Administrator::name).toList());
    }

    @Test
    void missingVariablesAreNamedAndNobodyIsCreated() {
        variables.remove("XIETONG_AUDIT_ADMIN_PASSWORD");
        variables.remove("XIETONG_SECURITY_ADMIN_LOGIN");
        FirstAdministrator.Plan plan = plan(ALL);
        assertTrue(plan.administrators().isEmpty(), "the three come together or not at all");
        String problems = String.join("\n", plan.problems());
        assertTrue(problems.contains("XIETONG_SECURITY_ADMIN_LOGIN"), problems);
        assertTrue(problems.contains("XIETONG_AUDIT_ADMIN_PASSWORD"), problems);
        assertFalse(problems.contains("XIETONG_ADMIN_LOGIN"), problems);
    }

    @Test
    void onlyTheEmptySeatsNeedTheirVariables() {
        variables.remove("XIETONG_ADMIN_LOGIN");
        variables.remove("XIETONG_ADMIN_PASSWORD");
        FirstAdministrator.Plan plan = plan(EnumSet.of(Role.SECURITY_ADMIN, Role.AUDIT_ADMIN));
        assertEquals(List.of(), plan.problems());
        assertEquals(List.of("security", "auditor"),
                plan.administrators().stream().map(FirstAdministrator.Administrator::login).toList());
        assertTrue(plan(EnumSet.noneOf(Role.class)).administrators().isEmpty());
        assertTrue(plan(EnumSet.noneOf(Role.class)).problems().isEmpty());
    }

    @Test
    void weakPasswordsSharedOrTakenLoginsAndBadLoginsAreRefusedByName() {
        variables.put("XIETONG_ADMIN_PASSWORD", "admin-Campus-1");
        variables.put("XIETONG_SECURITY_ADMIN_PASSWORD", "short-1A");
        variables.put("XIETONG_AUDIT_ADMIN_LOGIN", "Admin");
        FirstAdministrator.Plan plan = plan(ALL);
        assertTrue(plan.administrators().isEmpty());
        String problems = String.join("\n", plan.problems());
        assertTrue(problems.contains("XIETONG_ADMIN_PASSWORD"), "it contains the login: " + problems);
        assertTrue(problems.contains("XIETONG_SECURITY_ADMIN_PASSWORD"), problems);
        assertTrue(problems.contains("XIETONG_AUDIT_ADMIN_LOGIN"), "the same login twice: " + problems);
        assertFalse(problems.contains("Campus"), "no secret is logged: " + problems);

        variables.put("XIETONG_ADMIN_PASSWORD", "Campus-system1");
        variables.put("XIETONG_SECURITY_ADMIN_PASSWORD", "Campus-secure2");
        variables.put("XIETONG_AUDIT_ADMIN_LOGIN", "caoyu");
        assertTrue(String.join("\n", plan(ALL).problems()).contains("XIETONG_AUDIT_ADMIN_LOGIN"), "taken");
        variables.put("XIETONG_AUDIT_ADMIN_LOGIN", "no spaces allowed");
        assertTrue(String.join("\n", plan(ALL).problems()).contains("XIETONG_AUDIT_ADMIN_LOGIN"), "invalid");
    }

    @Test
    void aWeakerStoredPolicyStillNeedsTwelveCharactersFromThreeClasses() {
        variables.put("XIETONG_AUDIT_ADMIN_PASSWORD", "Camp-3xy");
        FirstAdministrator.Plan plan = FirstAdministrator.plan(ALL, environment,
                new PasswordPolicy(8, 3, 0, 90, 60, 7), login -> false);
        assertTrue(String.join("\n", plan.problems()).contains("XIETONG_AUDIT_ADMIN_PASSWORD"));
    }
}
