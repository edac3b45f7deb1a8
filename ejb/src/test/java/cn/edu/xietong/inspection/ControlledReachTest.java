package cn.edu.xietong.inspection;

import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Readers;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.function.LongPredicate;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** O1.7, S4: when a document reaches further than its level allows. */
class ControlledReachTest {

    /** The owning unit is 10, its sub-office 11; 20 is another unit. */
    private static final LongPredicate OWNS = u -> u == 10 || u == 11;

    private static Readers readers(boolean allStaff, Set<Long> units, Set<String> roles) {
        return new Readers(allStaff, units, roles, Set.of(10L), Set.of(7L));
    }

    @Test
    void aControlledDocumentReadByItsUnitItsSubOfficeNamedPeopleAndTheAdministratorIsWithinItsLevel() {
        ControlledReach reach = ControlledReach.of(Level.CONTROLLED, readers(false, Set.of(10L, 11L),
                Set.of("SYS_ADMIN")), OWNS);
        assertEquals(List.of(), reach.findings());
    }

    @Test
    void aControlledDocumentInThePublicLibraryIsReadByAllStaffWhateverElseIsGranted() {
        assertEquals(List.of(FindingKind.CONTROLLED_PUBLIC), ControlledReach.of(Level.CONTROLLED,
                readers(true, Set.of(), Set.of("SYS_ADMIN")), OWNS).findings());
        assertEquals(List.of(FindingKind.CONTROLLED_PUBLIC), ControlledReach.of(Level.CONTROLLED,
                readers(true, Set.of(20L), Set.of("SYS_ADMIN", "UNIT_IT")), OWNS).findings());
    }

    @Test
    void aGrantToAnotherUnitOrARoleReachesTooFar() {
        ControlledReach reach = ControlledReach.of(Level.CONTROLLED, readers(false, Set.of(10L, 20L),
                Set.of("SYS_ADMIN", "UNIT_LEADER")), OWNS);
        assertEquals(List.of(FindingKind.CONTROLLED_OTHER_UNIT, FindingKind.CONTROLLED_ROLE), reach.findings());
        assertEquals(Set.of(20L), reach.otherUnits());
        assertEquals(Set.of("UNIT_LEADER"), reach.roles());
    }

    @Test
    void internalAndPublicDocumentsMayBeReadSchoolWide() {
        for (Level level : List.of(Level.PUBLIC, Level.INTERNAL)) {
            assertEquals(List.of(), ControlledReach.of(level, readers(true, Set.of(20L), Set.of("STAFF")), OWNS)
                    .findings());
        }
    }
}
