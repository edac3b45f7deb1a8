package cn.edu.xietong.presence;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;

import java.time.LocalDate;
import java.util.List;

/**
 * The daily presence report of a working day (B1), unit by unit: leaders with the share of working hours they were
 * online, and the other members who were not present both in the morning and in the afternoon.
 */
public record PresenceReport(LocalDate day, WorkingHours hours, List<UnitPresence> units) {

    /** One unit's figures; {@code members} counts its active members. */
    public record UnitPresence(Unit unit, int members, List<Attendance> leaders, List<Attendance> shortfalls) {
    }

    /** One person's day: present in the morning, in the afternoon, and the share of working hours covered. */
    public record Attendance(Person person, boolean morning, boolean afternoon, int coveragePercent) {
    }
}
