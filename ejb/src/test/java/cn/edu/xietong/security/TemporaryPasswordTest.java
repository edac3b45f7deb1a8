package cn.edu.xietong.security;

import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2: the temporary passwords handed out after a reset or an approval meet the default policy and are unguessable. */
class TemporaryPasswordTest {

    private final PasswordPolicy policy = new PasswordPolicy(8, 3, 5, 90, 60, 7);

    @RepeatedTest(50)
    void everyTemporaryPasswordMeetsThePolicyAndAvoidsLookAlikes() {
        String password = AccountAdministration.temporaryPassword();
        assertEquals(14, password.length());
        assertEquals(4, PasswordPolicy.characterClasses(password.toCharArray()), password);
        assertTrue(policy.violations("anyone", password.toCharArray()).isEmpty(), password);
        assertFalse(password.matches(".*[0O1lI].*"), password);
    }

    @Test
    void theyDoNotRepeat() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            assertTrue(seen.add(AccountAdministration.temporaryPassword()));
        }
    }
}
