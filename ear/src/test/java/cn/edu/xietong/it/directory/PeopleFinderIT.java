package cn.edu.xietong.it.directory;

import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.directory.Unit;
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
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A5: the one search behind every person picker. Staff find active people by name, pinyin initials, full pinyin or
 * login name, or browse a unit; every answer is a candidate record naming the person, their unit and post; typed text
 * that names several people is never taken as one of them.
 */
@ExtendWith(ArquillianExtension.class)
class PeopleFinderIT {

    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @EJB
    private PeopleFinder finder;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private Set<String> logins(List<PersonCandidate> found) {
        return found.stream().map(PersonCandidate::login).collect(Collectors.toSet());
    }

    @Test
    void aCandidateShowsNameUnitInTheViewersLanguageAndPost() throws Exception {
        Unit unit = data.unit();
        Person person = data.personNamed(unit, "闻雯娴", "Finder#Pass2026", CHEAP);
        data.appoint(person, "讲师");
        PersonCandidate found = staff.call(() -> finder.find("闻雯娴", unit.getId(), 10)).get(0);
        assertEquals(person.getLogin(), found.login());
        assertEquals("闻雯娴 · " + unit.getNameZh() + " · 讲师", found.label(Locale.SIMPLIFIED_CHINESE));
        assertEquals("闻雯娴 · " + unit.getNameEn() + " · 讲师", found.label(Locale.ENGLISH));
    }

    @Test
    void searchFindsByNamePinyinInitialsFullPinyinAndLogin() throws Exception {
        Set<String> both = Set.of("wangwei.cs", "wangwei.hr");
        assertTrue(logins(staff.call(() -> finder.find("王伟", null, 50))).containsAll(both));
        assertTrue(logins(staff.call(() -> finder.find("ww", null, 50))).containsAll(both));
        assertTrue(logins(staff.call(() -> finder.find("wangw", null, 50))).containsAll(both), "a prefix of the pinyin");
        assertTrue(logins(staff.call(() -> finder.find("WangWei", null, 50))).containsAll(both));
        // A fresh login (t + hex): no other person's name or pinyin can contain it, whatever other tests created.
        String login = data.person("Finder#Pass2026", CHEAP).getLogin();
        assertEquals(Set.of(login), logins(staff.call(() -> finder.find(login.toUpperCase(Locale.ROOT), null, 50))));
    }

    @Test
    void aUnitCanBeBrowsedAndFiltersTheSearch() throws Exception {
        Unit unit = data.unit();
        Person one = data.personNamed(unit, "甲乙", "Finder#Pass2026", CHEAP);
        Person two = data.personNamed(unit, "丙丁", "Finder#Pass2026", CHEAP);
        data.personNamed(data.unit(), "甲乙", "Finder#Pass2026", CHEAP);
        assertEquals(Set.of(one.getLogin(), two.getLogin()), logins(staff.call(() -> finder.find(null, unit.getId(), 50))));
        assertEquals(Set.of(one.getLogin()), logins(staff.call(() -> finder.find("jy", unit.getId(), 50))));
    }

    @Test
    void deactivatedPeopleAreNeitherFoundNorResolved() throws Exception {
        Unit unit = data.unit();
        Person gone = data.personNamed(unit, "离职者", "Finder#Pass2026", CHEAP);
        data.deactivate(gone);
        assertEquals(List.of(), staff.call(() -> finder.find(null, unit.getId(), 50)));
        assertEquals(Optional.empty(), staff.call(() -> finder.candidate(gone.getLogin())));
        assertEquals(List.of(), staff.call(() -> finder.named(gone.getLogin())));
    }

    @Test
    void wildcardsAreTakenLiterallyAndResultsAreLimited() throws Exception {
        assertEquals(List.of(), staff.call(() -> finder.find("%", null, 50)));
        assertEquals(List.of(), staff.call(() -> finder.find("_", null, 50)));
        assertEquals(List.of(), staff.call(() -> finder.find("wang%", null, 50)));
        for (int i = 0; i < 3; i++) {
            data.person("Finder#Pass2026", CHEAP);
        }
        assertEquals(2, staff.call(() -> finder.find("测试", null, 2)).size());
        assertTrue(staff.call(() -> finder.find("测试", null, 100_000)).size() <= PeopleFinder.MOST);
    }

    @Test
    void aForgedKeyIsAnsweredAsNotFound() throws Exception {
        assertEquals(Optional.empty(), staff.call(() -> finder.candidate("nobody.here")));
        assertEquals(Optional.empty(), staff.call(() -> finder.candidate("%")));
        assertEquals(Optional.empty(), staff.call(() -> finder.candidate("hanme_")));
        assertEquals(Optional.empty(), staff.call(() -> finder.candidate("")));
        assertEquals("hanmei", staff.call(() -> finder.candidate("hanmei")).orElseThrow().login());
    }

    @Test
    void typedTextNamingSeveralPeopleIsNeverResolvedToOne() throws Exception {
        assertEquals(Set.of("wangwei.cs", "wangwei.hr"), logins(staff.call(() -> finder.named("王伟"))));
        assertEquals(List.of("hanmei"), staff.call(() -> finder.named("hanmei")).stream()
                .map(PersonCandidate::login).toList(), "an exact login name is one person");
        assertEquals(List.of(), staff.call(() -> finder.named("ww")), "initials only suggest, they never resolve");
    }

    @Test
    void aRenamedPersonIsFoundByTheNewNamesPinyin() throws Exception {
        Unit unit = data.unit();
        Person person = data.personNamed(unit, "甲乙", "Finder#Pass2026", CHEAP);
        data.rename(person, "欧阳娜娜");
        assertEquals(Set.of(person.getLogin()), logins(staff.call(() -> finder.find("oyn", unit.getId(), 50))));
        assertEquals(Set.of(person.getLogin()), logins(staff.call(() -> finder.find("ouyangna", unit.getId(), 50))));
        assertFalse(logins(staff.call(() -> finder.find("jy", unit.getId(), 50))).contains(person.getLogin()));
    }

    @Test
    void onlyLoggedInStaffSearch() {
        assertThrows(EJBAccessException.class, () -> finder.find("王伟", null, 5));
        assertThrows(EJBAccessException.class, () -> finder.candidate("hanmei"));
    }
}
