package cn.edu.xietong.it.directory;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.directory.UnitNode;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** O3.1, A5: the directory as staff read it. */
@ExtendWith(ArquillianExtension.class)
class DirectoryIT {

    @EJB
    private Directory directory;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    @Test
    void twoPeopleWithTheSameNameAreToldApartByTheirUnits() throws Exception {
        List<Person> found = staff.call(() -> directory.search("王伟", null, 50));
        assertEquals(Set.of("wangwei.cs", "wangwei.hr"), found.stream().map(Person::getLogin).collect(Collectors.toSet()));
        assertEquals(Set.of("CS", "HR"), found.stream().map(p -> p.getUnit().getCode()).collect(Collectors.toSet()));
    }

    @Test
    void searchFindsPeopleByThePinyinInitialsOfTheirNames() throws Exception {
        Set<String> found = staff.call(() -> directory.search("WW", null, 50)).stream().map(Person::getLogin)
                .collect(Collectors.toSet());
        assertTrue(found.containsAll(Set.of("wangwei.cs", "wangwei.hr")), found.toString());
        assertEquals(List.of("hanmei"), staff.call(() -> directory.search("hm", null, 50)).stream()
                .map(Person::getLogin).filter(l -> l.equals("hanmei")).toList());
    }

    @Test
    void searchFindsByLoginNameCaseInsensitivelyAndWithinAUnit() throws Exception {
        // A fresh login (t + hex): no other person's name or pinyin can contain it, whatever other tests created.
        String login = data.person("Some#Pass2026", new PasswordHasher(new Argon2Parameters(1024, 1, 1))).getLogin();
        assertEquals(List.of(login), staff.call(() -> directory.search(login.toUpperCase(java.util.Locale.ROOT), null, 50))
                .stream().map(Person::getLogin).toList());
        Person hr = staff.call(() -> directory.person("qianjun")).orElseThrow();
        List<Person> inHr = staff.call(() -> directory.search(null, hr.getUnit().getId(), 50));
        assertTrue(inHr.stream().allMatch(p -> p.getUnit().getCode().equals("HR")));
        assertTrue(inHr.size() >= 3, inHr.toString());
    }

    @Test
    void wildcardsInTheSearchTextAreTakenLiterally() throws Exception {
        assertEquals(List.of(), staff.call(() -> directory.search("%", null, 50)));
        assertEquals(List.of(), staff.call(() -> directory.search("_", null, 50)));
        assertTrue(staff.call(() -> directory.search("wangwei.", null, 50)).size() >= 2, "a dot is no wildcard either");
    }

    @Test
    void theTreeHoldsEveryUnitOnceWithSubOfficesBelowTheirUnitAndCountsActiveMembers() throws Exception {
        Person extra = data.person("Some#Pass2026", new PasswordHasher(new Argon2Parameters(1024, 1, 1)));
        List<UnitNode> roots = staff.call(() -> directory.unitTree());
        UnitNode cs = roots.stream().filter(n -> n.unit().getCode().equals("CS")).findFirst().orElseThrow();
        assertEquals(List.of("CS-GO"), cs.children().stream().map(n -> n.unit().getCode()).toList());
        assertEquals(UnitKind.COLLEGE, cs.unit().getKind());
        UnitNode own = roots.stream().filter(n -> n.unit().getCode().equals(extra.getUnit().getCode()))
                .findFirst().orElseThrow();
        assertEquals(1, own.members());

        data.deactivate(extra);
        UnitNode after = staff.call(() -> directory.unitTree()).stream()
                .filter(n -> n.unit().getCode().equals(extra.getUnit().getCode())).findFirst().orElseThrow();
        assertEquals(0, after.members(), "deactivated people are not counted");
    }

    @Test
    void onlyLoggedInStaffReadTheDirectory() {
        assertThrows(EJBAccessException.class, () -> directory.search("王伟", null, 5));
        assertThrows(EJBAccessException.class, () -> directory.unitTree());
    }
}
