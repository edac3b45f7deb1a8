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

/** One change to a unit, kept for good: who, when, what, before → after (O3.1). */
@Entity
@Table(name = "unit_change")
@NamedQuery(name = UnitChange.OF_UNIT,
        query = "select c from UnitChange c where c.unit.id = :unit order by c.changedAt desc, c.id desc")
public class UnitChange {

    public static final String OF_UNIT = "UnitChange.ofUnit";

    public enum Kind { CREATE, RENAME, MOVE, POST_ADD, POST_REMOVE, APPOINT, DISMISS }

    @Id
    @SequenceGenerator(name = "unit_change_seq", sequenceName = "unit_change_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "unit_change_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id")
    private Unit unit;

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

    protected UnitChange() {
    }

    public UnitChange(Unit unit, Instant changedAt, String changedBy, Kind kind, String before, String after) {
        this.unit = unit;
        this.changedAt = changedAt;
        this.changedBy = changedBy;
        this.kind = kind;
        this.before = before;
        this.after = after;
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
}
