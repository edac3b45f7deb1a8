package cn.edu.xietong.presence;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The half-hours of one day in which a person was active (B1): bit n stands for 00:00 + 30·n minutes, campus time.
 * Noted at most once a minute per session, so a day costs one row per person.
 */
@Entity
@Table(name = "presence_day")
@IdClass(PresenceDay.Key.class)
@NamedQuery(name = PresenceDay.ON_DAY, query = "select d from PresenceDay d where d.day = :day")
public class PresenceDay {

    public static final String ON_DAY = "PresenceDay.onDay";
    public static final int SLOT_MINUTES = 30;

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Id
    @Column(name = "pday")
    private LocalDate day;

    @Column(nullable = false)
    private long slots;

    protected PresenceDay() {
    }

    public PresenceDay(Long personId, LocalDate day) {
        this.personId = Objects.requireNonNull(personId, "personId");
        this.day = Objects.requireNonNull(day, "day");
    }

    /** Notes activity at the given minute of the day (0–1439). */
    public void activeAt(int minuteOfDay) {
        slots |= 1L << (minuteOfDay / SLOT_MINUTES);
    }

    public Long getPersonId() {
        return personId;
    }

    public LocalDate getDay() {
        return day;
    }

    public long getSlots() {
        return slots;
    }

    /** The composite key: person and day. */
    public static class Key implements Serializable {

        private static final long serialVersionUID = 1L;
        private Long personId;
        private LocalDate day;

        public Key() {
        }

        public Key(Long personId, LocalDate day) {
            this.personId = personId;
            this.day = day;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && Objects.equals(personId, k.personId) && Objects.equals(day, k.day);
        }

        @Override
        public int hashCode() {
            return Objects.hash(personId, day);
        }
    }
}
