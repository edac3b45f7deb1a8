package cn.edu.xietong.directory;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
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

/** One change to a person's account: who made it, when, and the value before and after (O2.6). Never changed. */
@Entity
@Table(name = "person_change")
@NamedQuery(name = PersonChange.OF_PERSON,
        query = "select c from PersonChange c where c.person = :person order by c.changedAt desc, c.id desc")
public class PersonChange {

    public static final String OF_PERSON = "PersonChange.ofPerson";

    public enum Kind { DEACTIVATE, REACTIVATE, MOVE, PASSWORD_RESET, ROLE_GRANT, ROLE_REVOKE, SECOND_FACTOR_RESET,
        RECERTIFIED, LEAVER_REPORTED, CREATE, APPOINT, DISMISS }

    @Id
    @SequenceGenerator(name = "person_change_seq", sequenceName = "person_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_change_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    @Column(name = "changed_by", nullable = false, length = 64)
    private String changedBy;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Kind kind;

    @Column(name = "before_value", length = 500)
    private String before;

    @Column(name = "after_value", length = 500)
    private String after;

    @Column(length = 500)
    private String reason;

    protected PersonChange() {
    }

    public PersonChange(Person person, Instant changedAt, String changedBy, Kind kind, String before, String after,
                        String reason) {
        this.person = person;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.kind = kind;
        this.before = before;
        this.after = after;
        this.reason = reason;
    }

    public Long getId() {
        return id;
    }

    public Instant getChangedAt() {
        return changedAt;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Kind getKind() {
        return kind;
    }

    public String getBefore() {
        return before;
    }

    public String getAfter() {
        return after;
    }

    public String getReason() {
        return reason;
    }
}
