package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2: the password rules, expiry and warning of the default policy. */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(8, 3, 5, 90, 60, 7);
    private final Unit cs = new Unit("CS", "计算机学院", "CS", UnitKind.COLLEGE);
    private final Instant set = Instant.parse("2026-01-10T00:00:00Z");

    private Person person(Role... roles) {
        Person p = new Person("zhangsan", "张三", cs, null, set);
        for (Role r : roles) {
            if (r.isUnitScoped()) {
                p.grant(r, cs);
            } else {
                p.grant(r);
            }
        }
        return p;
    }

    /** The person's password, set at {@link #set}. */
    private Credential credential(Role... roles) {
        Credential c = new Credential(person(roles));
        c.newPassword("hash", set, 5);
        return c;
    }

    @Test
    void aGoodPasswordBreaksNoRule() {
        assertEquals(List.of(), policy.violations("zhangsan", "Campus#2026".toCharArray()));
        assertEquals(List.of(), policy.violations("zhangsan", "校园协同办公Ab1".toCharArray()));
    }

    @Test
    void lengthClassesAndLoginNameAreChecked() {
        assertEquals(List.of("password.tooShort"), policy.violations("zs", "Ab#1xyz".toCharArray()));
        assertEquals(List.of("password.tooFewClasses"), policy.violations("zs", "alllowercase1".toCharArray()));
        assertEquals(List.of("password.containsLogin"), policy.violations("zhangsan", "xZhangSan#1".toCharArray()));
        assertEquals(List.of("password.tooShort", "password.tooFewClasses"),
                policy.violations("zs", "abc".toCharArray()));
    }

    @Test
    void characterClassesAreCounted() {
        assertEquals(1, PasswordPolicy.characterClasses("abc".toCharArray()));
        assertEquals(4, PasswordPolicy.characterClasses("aB1#".toCharArray()));
        assertEquals(3, PasswordPolicy.characterClasses("aB1".toCharArray()));
    }

    @Test
    void staffPasswordsExpireAfterNinetyDaysPrivilegedAfterSixty() {
        assertEquals(set.plus(Duration.ofDays(90)), policy.expiresAt(credential()));
        assertEquals(set.plus(Duration.ofDays(60)), policy.expiresAt(credential(Role.UNIT_IT)));
        assertEquals(set.plus(Duration.ofDays(60)), policy.expiresAt(credential(Role.UNIT_LEADER)));
        assertEquals(set.plus(Duration.ofDays(60)), policy.expiresAt(credential(Role.SYS_ADMIN)));
        assertTrue(policy.expired(credential(), set.plus(Duration.ofDays(90))));
        assertFalse(policy.expired(credential(), set.plus(Duration.ofDays(90)).minusSeconds(1)));
    }

    @Test
    void theWarningStartsSevenDaysAheadAndEndsAtExpiry() {
        Credential p = credential();
        assertFalse(policy.warn(p, set.plus(Duration.ofDays(82))));
        assertTrue(policy.warn(p, set.plus(Duration.ofDays(83))));
        assertFalse(policy.warn(p, set.plus(Duration.ofDays(90))), "expired is no longer a warning");
    }

    @Test
    void aPersonWithoutPasswordHasNoExpiry() {
        assertNull(policy.expiresAt(null));
    }

    @Test
    void valuesNoAssessmentWouldAcceptAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(7, 3, 5, 90, 60, 7));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(8, 2, 5, 90, 60, 7));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(8, 3, 5, 400, 60, 7));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(8, 3, 5, 90, 120, 7));
        assertThrows(IllegalArgumentException.class, () -> new PasswordPolicy(8, 3, 5, 90, 60, 60));
    }

    /** S2 (OWASP ASVS 2.1.7, level 2): passwords from the lists of common and breached ones are refused. */
    @Test
    void commonAndBreachedPasswordsAreRefusedWhileTheSettingIsOn() {
        assertTrue(policy.isRejectCommon(), "on by default");
        for (String common : List.of("password", "Password1", "P@ssw0rd", "qwerty123456", "Password123!",
                "iloveyou", "dragon2024")) {
            assertTrue(policy.violations("zs", common.toCharArray()).contains("password.common"), common);
        }
        assertFalse(policy.violations("zhangsan", "Campus#2026".toCharArray()).contains("password.common"));
        assertFalse(policy.violations("zhangsan", "校园协同办公Ab1".toCharArray()).contains("password.common"));

        policy.setRejectCommon(false);
        assertFalse(policy.violations("zs", "P@ssw0rd".toCharArray()).contains("password.common"));
    }

    /** The check reads the new password and leaves it as it was: it is hashed afterwards. */
    @Test
    void checkingAPasswordLeavesItAsItWas() {
        char[] password = "Password123!".toCharArray();
        policy.violations("zs", password);
        assertArrayEquals("Password123!".toCharArray(), password);
    }

    /** S2 (OWASP ASVS level 2): the security administrator can ask for 12 characters or more. */
    @Test
    void theMinimumLengthCanBeRaisedToTwelveForAsvsLevelTwo() {
        PasswordPolicy asvs = new PasswordPolicy(12, 3, 5, 90, 60, 7);
        assertEquals(List.of("password.tooShort"), asvs.violations("zhangsan", "Campus#2026".toCharArray()));
        assertEquals(List.of(), asvs.violations("zhangsan", "Campus#2026-Autumn".toCharArray()));
    }

    /** S2: the batch operator starts jobs that touch everyone's data, so the role counts as privileged. */
    @Test
    void theBatchOperatorIsAPrivilegedRole() {
        Person operator = person(Role.BATCH_OPERATOR);
        assertTrue(PasswordPolicy.privileged(operator));
        assertEquals(set.plus(Duration.ofDays(60)), policy.expiresAt(credential(Role.BATCH_OPERATOR)),
                "the privileged expiry");
        assertTrue(policy.requiresSecondFactor(operator));
    }

    /** ASVS 3.3.2: a session lasts at most 12 hours, however active; the security administrator may shorten it. */
    @Test
    void theAbsoluteSessionLifetimeIsTwelveHoursAtMost() {
        PasswordPolicy policy = new PasswordPolicy(8, 3, 5, 90, 60, 7);
        assertEquals(12, policy.getSessionLifetimeHours());
        policy.setSessionLifetimeHours(1);
        assertEquals(1, policy.getSessionLifetimeHours());
        assertThrows(IllegalArgumentException.class, () -> policy.setSessionLifetimeHours(13));
        assertThrows(IllegalArgumentException.class, () -> policy.setSessionLifetimeHours(0));
        assertEquals(1, policy.getSessionLifetimeHours(), "a refused value changes nothing");
    }
}
