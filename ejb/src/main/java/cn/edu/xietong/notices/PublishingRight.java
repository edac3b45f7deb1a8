package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
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
import java.util.Objects;

/** The right of one person to submit items of one category for one unit (B4). */
@Entity
@Table(name = "publishing_right")
@NamedQuery(name = PublishingRight.OF_PERSON, query = "select r from PublishingRight r join fetch r.category"
        + " join fetch r.unit where r.person.id = :person order by r.unit.id, r.category.id")
@NamedQuery(name = PublishingRight.HOLDS, query = "select count(r) from PublishingRight r where r.person.id = :person"
        + " and r.unit.id = :unit and r.category.id = :category")
public class PublishingRight {

    public static final String OF_PERSON = "PublishingRight.ofPerson";
    public static final String HOLDS = "PublishingRight.holds";

    @Id
    @SequenceGenerator(name = "publishing_right_seq", sequenceName = "publishing_right_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publishing_right_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id", nullable = false, updatable = false)
    private Person person;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id", nullable = false, updatable = false)
    private Unit unit;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id", nullable = false, updatable = false)
    private NoticeCategory category;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, length = 64)
    private String grantedBy;

    protected PublishingRight() {
    }

    public PublishingRight(Person person, Unit unit, NoticeCategory category, Instant at, String by) {
        this.person = Objects.requireNonNull(person);
        this.unit = Objects.requireNonNull(unit);
        this.category = Objects.requireNonNull(category);
        this.grantedAt = Objects.requireNonNull(at);
        this.grantedBy = Objects.requireNonNull(by);
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Unit getUnit() {
        return unit;
    }

    public NoticeCategory getCategory() {
        return category;
    }

    public Instant getGrantedAt() {
        return grantedAt;
    }

    public String getGrantedBy() {
        return grantedBy;
    }
}
