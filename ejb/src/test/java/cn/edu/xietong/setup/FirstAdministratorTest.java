package cn.edu.xietong.setup;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2: the first administrator's password from the environment must not be weak. */
class FirstAdministratorTest {

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
}
