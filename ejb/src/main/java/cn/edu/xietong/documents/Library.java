package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Unit;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** A document library (O3.5): one per unit, made when first opened, and the one public library (id 1). */
@Entity
@Table(name = "doc_library")
@NamedQuery(name = Library.OF_UNIT, query = "select l from Library l where l.unit.id = :unit")
@NamedQuery(name = Library.ALL_UNITS, query = "select l from Library l where l.kind = cn.edu.xietong.documents.Library.Kind.UNIT")
public class Library {

    public static final String OF_UNIT = "Library.ofUnit";
    public static final String ALL_UNITS = "Library.allUnits";
    public static final long PUBLIC_ID = 1L;

    public enum Kind { UNIT, PUBLIC }

    @Id
    @SequenceGenerator(name = "doc_library_seq", sequenceName = "doc_library_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "doc_library_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Kind kind;

    @ManyToOne
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Library() {
    }

    Library(Unit unit, Instant createdAt) {
        this.kind = Kind.UNIT;
        this.unit = unit;
        this.createdAt = createdAt;
    }

    public Long getId() {
        return id;
    }

    public Kind getKind() {
        return kind;
    }

    /** The unit whose library this is; null for the public library. */
    public Unit getUnit() {
        return unit;
    }

    boolean isSameLibrary(Library other) {
        return other == this || (id != null && other != null && id.equals(other.id));
    }

    public boolean isPublic() {
        return kind == Kind.PUBLIC;
    }
}
