package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S2: a person's password, its history and the forced change, as the credential keeps them. */
class CredentialTest {

    private final Unit cs = new Unit("CS", "计算机科学与技术学院", "School of Computer Science", UnitKind.COLLEGE);

    private Credential credential() {
        return new Credential(new Person("lisi", "李四", cs, null, Instant.now()));
    }

    @Test
    void aPasswordNeedsAHash() {
        assertThrows(IllegalArgumentException.class, () -> credential().newPassword(" ", Instant.now(), 5));
        assertThrows(IllegalArgumentException.class, () -> credential().resetPassword(null, Instant.now(), 5));
    }

    @Test
    void aNewPasswordPushesTheOldOneIntoAHistoryOfTheGivenSize() {
        Credential c = credential();
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 7; i++) {
            c.newPassword("hash-" + i, t.plusSeconds(i), 3);
        }
        assertEquals(List.of("hash-7", "hash-6", "hash-5", "hash-4"), c.recentPasswordHashes());
        assertEquals(t.plusSeconds(7), c.getPasswordChangedAt());
    }

    @Test
    void aResetForcesAChangeAtNextLoginAndTheUsersOwnChangeClearsIt() {
        Credential c = credential();
        c.resetPassword("by-admin", Instant.now(), 5);
        assertTrue(c.isMustChangePassword());
        c.newPassword("by-self", Instant.now(), 5);
        assertFalse(c.isMustChangePassword());
    }

    @Test
    void upgradingAHashKeepsItsDateAndHistory() {
        Credential c = credential();
        Instant set = Instant.parse("2026-03-01T00:00:00Z");
        c.newPassword("weak-hash", set, 5);
        c.upgradeHash("strong-hash");
        assertEquals(List.of("strong-hash"), c.recentPasswordHashes());
        assertEquals(set, c.getPasswordChangedAt());
    }
}
