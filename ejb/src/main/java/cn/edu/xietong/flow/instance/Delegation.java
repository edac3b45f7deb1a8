package cn.edu.xietong.flow.instance;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/**
 * An out-of-office proxy (委托): from one day to another (both included), to-dos that arrive for {@link #person} go to
 * {@link #deputy}, for every flow or only the named design codes. The to-do and every action name both people.
 */
@Entity
@Table(name = "flow_delegation")
@NamedQuery(name = Delegation.OF_PERSON, query = "select d from Delegation d where d.person.id = :person"
        + " and d.cancelledAt is null and d.lastDay >= :today order by d.firstDay")
@NamedQuery(name = Delegation.IN_FORCE, query = "select d from Delegation d where d.person.id = :person"
        + " and d.cancelledAt is null and d.firstDay <= :today and d.lastDay >= :today order by d.id")
public class Delegation {

    public static final String OF_PERSON = "Delegation.ofPerson";
    public static final String IN_FORCE = "Delegation.inForce";
    public static final int MAX_DAYS = 90;

    @Id
    @SequenceGenerator(name = "flow_delegation_seq", sequenceName = "flow_delegation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_delegation_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;

    @ManyToOne(optional = false, fetch = FetchType.EAGER)
    @JoinColumn(name = "deputy_id", nullable = false)
    private Person deputy;

    @Column(name = "first_day", nullable = false)
    private LocalDate firstDay;

    @Column(name = "last_day", nullable = false)
    private LocalDate lastDay;

    /** Comma-separated design codes; empty for every flow. */
    @Column(name = "design_codes", nullable = false, length = 1000)
    private String designCodes;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "cancelled_at")
    private Instant cancelledAt;

    protected Delegation() {
    }

    public Delegation(Person person, Person deputy, LocalDate firstDay, LocalDate lastDay, List<String> codes,
                      Instant at) {
        if (person.getLogin().equals(deputy.getLogin())) {
            throw new DomainException("flow.notYourself");
        }
        if (!deputy.isActive()) {
            throw new DomainException("flow.deputyInactive");
        }
        if (firstDay == null || lastDay == null || lastDay.isBefore(firstDay)) {
            throw new DomainException("flow.delegation.badPeriod");
        }
        if (firstDay.plusDays(MAX_DAYS).isBefore(lastDay)) {
            throw new DomainException("flow.delegation.tooLong", MAX_DAYS);
        }
        this.person = person;
        this.deputy = deputy;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.designCodes = String.join(",", codes);
        this.createdAt = at;
    }

    public boolean covers(String designCode, LocalDate day) {
        return cancelledAt == null && !day.isBefore(firstDay) && !day.isAfter(lastDay)
                && (designCodes.isEmpty() || codes().contains(designCode));
    }

    public void cancel(Instant at) {
        cancelledAt = at;
    }

    public List<String> codes() {
        return designCodes.isEmpty() ? List.of() : Arrays.asList(designCodes.split(","));
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Person getDeputy() {
        return deputy;
    }

    public LocalDate getFirstDay() {
        return firstDay;
    }

    public LocalDate getLastDay() {
        return lastDay;
    }

    public Instant getCancelledAt() {
        return cancelledAt;
    }
}
