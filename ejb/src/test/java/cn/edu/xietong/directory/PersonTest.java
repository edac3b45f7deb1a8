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

    /** S3: a name of zero-width spaces is no name; direction overrides are removed so it cannot render reversed. */
    @Test
    void aNameOfOnlyInvisibleCharactersIsRefusedAndDirectionOverridesAreRemoved() {
        assertThrows(IllegalArgumentException.class, () -> new Person("zs", "\u200B\u200C\uFEFF", cs, null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new Person("zs", "\u3000\u2060", cs, null, Instant.now()));
        assertThrows(IllegalArgumentException.class, () -> new Person("zs", "长".repeat(65), cs, null, Instant.now()));
        assertEquals("张三", new Person("zs", "\u202E张三\u200B", cs, null, Instant.now()).getFullName());
    }

    /**
     * S3: the services end the person's sessions when a role changes, so granting and taking back say whether anything
     * changed; deactivation and reactivation refuse to repeat themselves.
     */
    @Test
    void roleChangesSayWhetherTheyChangedAnythingAndDeactivationIsNotRepeated() {
        Person p = new Person("wangwu", "王五", cs, null, Instant.now());
        p.grant(Role.SUPERVISOR);
        assertFalse(p.revoke(Role.UNIT_IT, cs), "taking back a role not held changes nothing");
        assertTrue(p.revoke(Role.SUPERVISOR, null));
        p.deactivate();
        assertFalse(p.isActive());
        assertThrows(IllegalStateException.class, p::deactivate);
        p.reactivate();
        assertThrows(IllegalStateException.class, p::reactivate);
    }

    /** A move needs another unit; unit-scoped roles stay with the unit they were granted for. */
    @Test
    void aMoveNeedsAnotherUnitAndLeavesScopedRolesWhereTheyWere() {
        Person p = new Person("wangwu", "王五", cs, null, Instant.now());
        p.grant(Role.UNIT_IT, cs);
        assertThrows(IllegalArgumentException.class, () -> p.moveTo(cs));
        p.moveTo(hr);
        assertEquals(hr, p.getUnit());
        assertEquals(java.util.List.of(cs), p.scopesOf(Role.UNIT_IT));
    }
}
