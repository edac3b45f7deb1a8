package cn.edu.xietong.presence;

import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The daily presence report (B1): leaders are to be online all day, other staff to log in both in the morning and in
 * the afternoon. A unit leader sees the units they lead (with their sub-offices); the supervising office sees every
 * unit. Only working days have a report (the working-day calendar decides).
 */
@Stateless
@RolesAllowed({"UNIT_LEADER", "SUPERVISOR"})
public class PresenceReports {

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private SpecialDays calendar;

    @Resource
    private SessionContext context;

    /**
     * The report of one working day for the units the caller may see.
     *
     * @throws InvalidInputException {@code presence.dateRequired}, {@code presence.notWorkingDay},
     *                               {@code presence.future}
     */
    public PresenceReport report(LocalDate day) {
        if (day == null) {
            throw new InvalidInputException(List.of("presence.dateRequired"));
        }
        if (day.isAfter(clock.today())) {
            throw new InvalidInputException(List.of("presence.future"));
        }
        if (!calendar.calendar().isWorkingDay(day)) {
            throw new InvalidInputException(List.of("presence.notWorkingDay"));
        }
        WorkingHours hours = WorkingHours.configured();
        Map<Long, Long> slots = new HashMap<>();
        em.createNamedQuery(PresenceDay.ON_DAY, PresenceDay.class).setParameter("day", day).getResultList()
                .forEach(d -> slots.put(d.getPersonId(), d.getSlots()));
        Map<Unit, List<Person>> byUnit = new LinkedHashMap<>();
        people().stream()
                .sorted(Comparator.comparing((Person p) -> p.getUnit().getCode()).thenComparing(Person::getFullName))
                .forEach(p -> byUnit.computeIfAbsent(p.getUnit(), u -> new ArrayList<>()).add(p));
        List<PresenceReport.UnitPresence> units = new ArrayList<>();
        byUnit.forEach((unit, members) -> {
            List<PresenceReport.Attendance> leaders = new ArrayList<>();
            List<PresenceReport.Attendance> shortfalls = new ArrayList<>();
            for (Person p : members) {
                long s = slots.getOrDefault(p.getId(), 0L);
                PresenceReport.Attendance a = new PresenceReport.Attendance(p, hours.morning(s), hours.afternoon(s),
                        hours.coveragePercent(s));
                if (p.hasRole(Role.UNIT_LEADER) || p.hasRole(Role.SCHOOL_LEADER)) {
                    leaders.add(a);
                } else if (!a.morning() || !a.afternoon()) {
                    shortfalls.add(a);
                }
            }
            units.add(new PresenceReport.UnitPresence(unit, members.size(), leaders, shortfalls));
        });
        return new PresenceReport(day, hours, units);
    }

    /** Everyone for the supervising office; otherwise the members of the units the caller leads. */
    private List<Person> people() {
        if (context.isCallerInRole(Role.SUPERVISOR.name())) {
            return em.createNamedQuery(Person.ACTIVE, Person.class).getResultList();
        }
        List<Long> units = UnitScope.reachOf(em, directory.me(), Role.UNIT_LEADER);
        return units.isEmpty() ? List.of()
                : em.createNamedQuery(Person.IN_UNITS, Person.class).setParameter("units", units).getResultList();
    }
}
