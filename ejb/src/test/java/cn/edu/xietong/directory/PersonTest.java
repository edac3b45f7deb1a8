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
        p.changePasswordHash("$argon2id$...");
        assertTrue(p.canLogIn());
        assertThrows(IllegalArgumentException.class, () -> p.changePasswordHash(" "));
    }
}
