package cn.edu.xietong.it.presence;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.presence.PresenceReport;
import cn.edu.xietong.presence.PresenceReports;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B1: the daily presence report per unit: leaders' online share, staff not present both morning and afternoon. */
@ExtendWith(ArquillianExtension.class)
class PresenceReportIT {

    private static final String PASSWORD = "Presence#Day2026";
    /** A Wednesday. */
    private static final LocalDate DAY = LocalDate.of(2026, 11, 25);

    @EJB
    private PresenceReports reports;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private static int at(int hour, int minute) {
        return hour * 60 + minute;
    }

    private static Optional<PresenceReport.UnitPresence> unit(PresenceReport report, Unit unit) {
        return report.units().stream().filter(u -> u.unit().getCode().equals(unit.getCode())).findFirst();
    }

    @Test
    void leadersCoverageAndStaffMissingAHalfAreReportedForTheLeadersOwnUnit() throws Exception {
        Unit unit = data.unit();
        Unit office = data.subUnit(unit);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Person both = data.personIn(unit, PASSWORD, cheap);
        Person morningOnly = data.personIn(office, PASSWORD, cheap);
        Person absent = data.personIn(unit, PASSWORD, cheap);
        data.presence(leader, DAY, at(8, 0), at(8, 30), at(9, 0), at(9, 30), at(10, 0), at(10, 30), at(11, 0),
                at(11, 30));
        data.presence(both, DAY, at(8, 40), at(15, 10));
        data.presence(morningOnly, DAY, at(9, 15), at(12, 40));
        data.presence(both, DAY.minusDays(1), at(9, 0)); // another day does not count

        PresenceReport report = AsPerson.call(leader, () -> reports.report(DAY));

        PresenceReport.UnitPresence mine = unit(report, unit).orElseThrow();
        assertEquals(3, mine.members());
        assertEquals(1, mine.leaders().size());
        assertEquals(53, mine.leaders().get(0).coveragePercent(), "the whole morning: 8 of 15 half-hours");
        assertEquals(List.of(absent.getLogin()), mine.shortfalls().stream().map(a -> a.person().getLogin()).toList());
        PresenceReport.Attendance inOffice = unit(report, office).orElseThrow().shortfalls().get(0);
        assertEquals(morningOnly.getLogin(), inOffice.person().getLogin(), "sub-offices are the leader's too");
        assertTrue(inOffice.morning());
        assertFalse(inOffice.afternoon(), "12:40 is lunchtime, not afternoon working hours");
        assertEquals(2, report.units().size(), "only the units the caller leads");
    }

    @Test
    void theSupervisingOfficeSeesEveryUnitAnotherUnitsLeaderDoesNot() throws Exception {
        Unit unit = data.unit();
        Person member = data.personIn(unit, PASSWORD, cheap);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        Person otherLeader = data.personIn(data.unit(), PASSWORD, cheap, Role.UNIT_LEADER);

        assertTrue(unit(AsPerson.call(supervisor, () -> reports.report(DAY)), unit).orElseThrow().shortfalls()
                .stream().anyMatch(a -> a.person().getLogin().equals(member.getLogin())));
        assertTrue(unit(AsPerson.call(otherLeader, () -> reports.report(DAY)), unit).isEmpty());
        assertThrows(EJBAccessException.class, () -> staff.call(() -> reports.report(DAY)));
        Person unitIt = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        assertThrows(EJBAccessException.class, () -> AsPerson.call(unitIt, () -> reports.report(DAY)));
    }

    @Test
    void onlyPastWorkingDaysHaveAReport() throws Exception {
        Person leader = data.personIn(data.unit(), PASSWORD, cheap, Role.UNIT_LEADER);
        assertEquals(List.of("presence.notWorkingDay"), refusal(leader, LocalDate.of(2026, 10, 1)), "National Day");
        assertEquals(List.of("presence.notWorkingDay"), refusal(leader, LocalDate.of(2026, 11, 21)), "a Saturday");
        assertEquals(List.of("presence.future"), refusal(leader, LocalDate.now().plusDays(3)));
        assertEquals(List.of("presence.dateRequired"), refusal(leader, null));
        assertEquals(LocalDate.of(2026, 10, 10), AsPerson.call(leader,
                () -> reports.report(LocalDate.of(2026, 10, 10))).day(), "a make-up Saturday has a report");
    }

    private List<String> refusal(Person leader, LocalDate day) {
        return assertThrows(InvalidInputException.class, () -> AsPerson.call(leader, () -> reports.report(day)))
                .problems();
    }
}
