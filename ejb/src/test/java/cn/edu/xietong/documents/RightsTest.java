package cn.edu.xietong.documents;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The rights model (O3.5): library defaults, and grants that only add, inherited from every folder above. */
class RightsTest {

    private static final long CS = 10, CS_OFFICE = 11, HR = 20;

    private static Caller member(long personId, Set<Long> units, String... roles) {
        return new Caller(personId, units, Set.of(roles), Set.of());
    }

    @Test
    void aUnitLibraryIsReadByItsMembersIncludingSubOfficesAndByNoOneElse() {
        assertEquals(Access.READ, Rights.effective(member(1, Set.of(CS), "STAFF"), CS, Set.of(CS), List.of()));
        assertEquals(Access.READ, Rights.effective(member(2, Set.of(CS_OFFICE, CS), "STAFF"), CS, Set.of(CS),
                List.of()), "a sub-office's staff are members of its school");
        assertEquals(Access.NONE, Rights.effective(member(3, Set.of(HR), "STAFF"), CS, Set.of(CS), List.of()));
        assertEquals(Access.NONE, Rights.effective(member(1, Set.of(CS), "STAFF"), CS_OFFICE, Set.of(CS_OFFICE, CS),
                List.of()), "a school's staff do not read a sub-office's library");
    }

    @Test
    void itStaffOfTheUnitOrAUnitAboveAndTheSystemAdministratorManage() {
        Caller it = new Caller(4, Set.of(CS), Set.of("STAFF", "UNIT_IT"), Set.of(CS));
        assertEquals(Access.MANAGE, Rights.effective(it, CS, Set.of(CS), List.of()));
        assertEquals(Access.MANAGE, Rights.effective(it, CS_OFFICE, Set.of(CS_OFFICE, CS), List.of()));
        assertEquals(Access.NONE, Rights.effective(it, HR, Set.of(HR), List.of()));
        assertEquals(Access.MANAGE, Rights.effective(member(5, Set.of(HR), "STAFF", "SYS_ADMIN"), CS, Set.of(CS),
                List.of()));
    }

    @Test
    void thePublicLibraryIsReadByAllStaff() {
        assertEquals(Access.READ, Rights.effective(member(3, Set.of(HR), "STAFF"), null, Set.of(), List.of()));
    }

    @Test
    void theStrongestGrantOnTheWayDownWinsAndGrantsNeverTakeAway() {
        Caller hr = member(3, Set.of(HR), "STAFF");
        List<GrantRule> folderAndDocument = List.of(
                new GrantRule(Grantee.UNIT, HR, null, null, Access.READ),
                new GrantRule(Grantee.PERSON, null, null, 3L, Access.WRITE),
                new GrantRule(Grantee.PERSON, null, null, 99L, Access.MANAGE));
        assertEquals(Access.WRITE, Rights.effective(hr, CS, Set.of(CS), folderAndDocument));
        assertEquals(Access.READ, Rights.effective(member(6, Set.of(HR), "STAFF"), CS, Set.of(CS),
                folderAndDocument), "the unit grant reaches its other members");
        Caller it = new Caller(4, Set.of(CS), Set.of("STAFF", "UNIT_IT"), Set.of(CS));
        assertEquals(Access.MANAGE, Rights.effective(it, CS, Set.of(CS),
                List.of(new GrantRule(Grantee.PERSON, null, null, 4L, Access.READ))));
    }

    @Test
    void aRoleGrantReachesEveryHolderOfTheRole() {
        List<GrantRule> leaders = List.of(new GrantRule(Grantee.ROLE, null, "SCHOOL_LEADER", null, Access.READ));
        assertEquals(Access.READ, Rights.effective(member(7, Set.of(HR), "STAFF", "SCHOOL_LEADER"), CS, Set.of(CS),
                leaders));
        assertEquals(Access.NONE, Rights.effective(member(8, Set.of(HR), "STAFF"), CS, Set.of(CS), leaders));
    }
}
