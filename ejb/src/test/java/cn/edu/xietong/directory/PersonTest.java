package cn.edu.xietong.directory;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PersonTest {

    private final Unit cs = new Unit("CS", "计算机科学与技术学院", "School of Computer Science", UnitKind.COLLEGE);
    private final Unit hr = new Unit("HR", "人事处", "Human Resources", UnitKind.DEPARTMENT);

    @Test
    void everyPersonIsStaff() {
        Person p = new Person("zhangsan", "张三", cs, null, Instant.now());
        assertEquals(Set.of(Role.STAFF), p.roleSet());
    }

    @Test
    void loginNamesAreStoredTrimmedAndLowerCase() {
        assertEquals("wangwei.cs", new Person("  WangWei.CS ", "王伟", cs, null, Instant.now()).getLogin());
    }

    @Test
    void invalidLoginNamesAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Person("", "张三", cs, null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new Person("1abc", "张三", cs, null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new Person("a b", "张三", cs, null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new Person("张三", "张三", cs, null, Instant.now()));
    }

    @Test
    void aPersonNeedsANameAndAUnit() {
        assertThrows(IllegalArgumentException.class, () -> new Person("zs", " ", cs, null, Instant.now()));
        assertThrows(NullPointerException.class, () -> new Person("zs", "张三", null, null, Instant.now()));
    }

    @Test
    void unitScopedRolesNeedTheirUnitAndOthersRefuseOne() {
        Person p = new Person("lisi", "李四", cs, null, Instant.now());
        assertThrows(IllegalArgumentException.class, () -> p.grant(Role.UNIT_IT));
        assertThrows(IllegalArgumentException.class, () -> p.grant(Role.SYS_ADMIN, cs));
        p.grant(Role.UNIT_IT, cs);
        p.grant(Role.SUPERVISOR);
        assertTrue(p.hasRole(Role.UNIT_IT));
        assertEquals(Set.of(Role.STAFF, Role.UNIT_IT, Role.SUPERVISOR), p.roleSet());
    }

    @Test
    void theSameRoleInTwoUnitsIsTwoGrantsButOneSecurityGroup() {
        Person p = new Person("lisi", "李四", cs, null, Instant.now());
        p.grant(Role.UNIT_LEADER, cs);
        p.grant(Role.UNIT_LEADER, hr);
        p.grant(Role.UNIT_LEADER, cs);
        assertEquals(3, p.getRoles().size()); // STAFF + leader of CS + leader of HR
        assertEquals(Set.of(Role.STAFF, Role.UNIT_LEADER), p.roleSet());
    }

    @Test
    void aPersonWithoutPasswordCannotLogIn() {
        Person p = new Person("lisi", "李四", cs, null, Instant.now());
        assertFalse(p.canLogIn());
        p.newPassword("$argon2id$...", Instant.now(), 5);
        assertTrue(p.canLogIn());
        assertThrows(IllegalArgumentException.class, () -> p.newPassword(" ", Instant.now(), 5));
    }

    @Test
    void aNewPasswordPushesTheOldOneIntoAHistoryOfTheGivenSize() {
        Person p = new Person("lisi", "李四", cs, null, Instant.now());
        Instant t = Instant.parse("2026-01-01T00:00:00Z");
        for (int i = 1; i <= 7; i++) {
            p.newPassword("hash-" + i, t.plusSeconds(i), 3);
        }
        assertEquals(java.util.List.of("hash-7", "hash-6", "hash-5", "hash-4"), p.recentPasswordHashes());
        assertEquals(t.plusSeconds(7), p.getPasswordChangedAt());
    }

    @Test
    void aResetForcesAChangeAtNextLoginAndTheUsersOwnChangeClearsIt() {
        Person p = new Person("lisi", "李四", cs, null, Instant.now());
        p.resetPassword("by-admin", Instant.now(), 5);
        assertTrue(p.isMustChangePassword());
        p.newPassword("by-self", Instant.now(), 5);
        assertFalse(p.isMustChangePassword());
    }

    @Test
    void upgradingAHashKeepsItsDateAndHistory() {
        Person p = new Person("lisi", "李四", cs, null, Instant.now());
        Instant set = Instant.parse("2026-03-01T00:00:00Z");
        p.newPassword("weak-hash", set, 5);
        p.upgradeHash("strong-hash");
        assertEquals(java.util.List.of("strong-hash"), p.recentPasswordHashes());
        assertEquals(set, p.getPasswordChangedAt());
    }

    /** S3: a name of zero-width spaces is no name; direction overrides are removed so it cannot render reversed. */
    @Test
    void aNameOfOnlyInvisibleCharactersIsRefusedAndDirectionOverridesAreRemoved() {
        assertThrows(IllegalArgumentException.class, () -> new Person("zs", "\u200B\u200C\uFEFF", cs, null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new Person("zs", "\u3000\u2060", cs, null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new Person("zs", "长".repeat(65), cs, null, Instant.now()));
        assertEquals("张三", new Person("zs", "\u202E张三\u200B", cs, null, Instant.now()).getFullName());
    }

    /** S2, S3: each change that must end the person's sessions counts up the epoch and says why. */
    @Test
    void deactivationPasswordAndRoleChangesEndThePersonsSessions() {
        Person p = new Person("wangwu", "王五", cs, null, Instant.now());
        p.newPassword("first", Instant.now(), 5);
        long epoch = p.getSessionEpoch();

        p.resetPassword("by-admin", Instant.now(), 5);
        assertEquals(epoch + 1, p.getSessionEpoch());
        assertEquals(SessionEnd.PASSWORD_RESET, p.getSessionsEndedBy());
        p.newPassword("by-self", Instant.now(), 5);
        assertEquals(SessionEnd.PASSWORD_CHANGED, p.getSessionsEndedBy());
        p.grant(Role.SUPERVISOR);
        assertEquals(SessionEnd.ROLES_CHANGED, p.getSessionsEndedBy());
        long granted = p.getSessionEpoch();
        p.grant(Role.SUPERVISOR);
        assertEquals(granted, p.getSessionEpoch(), "granting a role held already changes nothing");
        assertFalse(p.revoke(Role.UNIT_IT, cs));
        assertEquals(granted, p.getSessionEpoch(), "taking back a role not held changes nothing");
        p.revoke(Role.SUPERVISOR, null);
        assertEquals(granted + 1, p.getSessionEpoch());
        p.deactivate();
        assertEquals(SessionEnd.DEACTIVATED, p.getSessionsEndedBy());
        assertEquals(epoch + 5, p.getSessionEpoch());

        long before = p.getSessionEpoch();
        p.reactivate();
        p.upgradeHash("same-password-stronger-hash");
        p.loggedIn(Instant.now(), "marker");
        assertEquals(before, p.getSessionEpoch(), "reactivation, a rehash and a login end no session");
    }
}
