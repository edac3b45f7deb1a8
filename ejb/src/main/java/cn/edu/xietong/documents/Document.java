package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.DomainException;
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
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A document of a library (O3.5): its metadata, level (S4) and state; its bytes are in its {@link DocumentVersion}s,
 * every one kept. Only an active document changes: an archived one is read-only until restored, a binned one waits
 * in the recycle bin. A document checked out by someone takes new versions from that person only.
 */
@Entity
@Table(name = "doc_document")
@NamedQuery(name = Document.IN_FOLDER, query = "select d from Document d where d.library = :library"
        + " and d.folder = :folder and d.state <> cn.edu.xietong.documents.DocumentState.BINNED order by d.title")
@NamedQuery(name = Document.AT_ROOT, query = "select d from Document d where d.library = :library"
        + " and d.folder is null and d.state <> cn.edu.xietong.documents.DocumentState.BINNED order by d.title")
@NamedQuery(name = Document.BINNED, query = "select d from Document d where d.library = :library"
        + " and d.state = cn.edu.xietong.documents.DocumentState.BINNED order by d.binnedAt desc")
@NamedQuery(name = Document.ARCHIVE_NUMBER_TAKEN, query = "select count(d) from Document d where d.library = :library"
        + " and d.archiveNumber = :number")
@NamedQuery(name = Document.COPIES_OF, query = "select d from Document d where d.copyOf.document = :document")
public class Document {

    public static final String IN_FOLDER = "Document.inFolder";
    public static final String AT_ROOT = "Document.atRoot";
    public static final String BINNED = "Document.binned";
    public static final String ARCHIVE_NUMBER_TAKEN = "Document.archiveNumberTaken";
    public static final String COPIES_OF = "Document.copiesOf";
    public static final int MAX_DESCRIPTION = 2000;
    public static final int MAX_TAGS = 500;

    @Id
    @SequenceGenerator(name = "doc_document_seq", sequenceName = "doc_document_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "doc_document_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "library_id", nullable = false)
    private Library library;

    @ManyToOne
    @JoinColumn(name = "folder_id")
    private Folder folder;

    @Column(nullable = false, length = Folder.MAX_NAME)
    private String title;

    @Column(length = MAX_DESCRIPTION)
    private String description;

    /** Tags, comma-separated. */
    @Column(length = MAX_TAGS)
    private String tags;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private Level level;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 12)
    private DocumentState state;

    /** The department owning a public document (E2); null elsewhere. */
    @ManyToOne
    @JoinColumn(name = "owner_unit_id")
    private Unit ownerUnit;

    /** For a department's copy of a public document (E2): the version it keeps, which later edits do not change. */
    @ManyToOne
    @JoinColumn(name = "copy_of_version_id")
    private DocumentVersion copyOf;

    @Column(name = "archive_number", length = 64)
    private String archiveNumber;

    @Column(name = "retention_years")
    private Integer retentionYears;

    @Column(name = "archived_at")
    private Instant archivedAt;

    @Column(name = "binned_at")
    private Instant binnedAt;

    @ManyToOne
    @JoinColumn(name = "locked_by_id")
    private Person lockedBy;

    @Column(name = "locked_at")
    private Instant lockedAt;

    @ManyToOne(optional = false)
    @JoinColumn(name = "created_by_id", nullable = false)
    private Person createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Document() {
    }

    Document(Library library, Folder folder, String title, Level level, Unit ownerUnit, Person createdBy, Instant now) {
        this.library = library;
        this.folder = folder;
        this.title = Folder.checkedName(title);
        this.level = level == null ? Level.INTERNAL : level;
        this.state = DocumentState.ACTIVE;
        this.ownerUnit = ownerUnit;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** A department's own copy of a public document's version (E2), in the department's library. */
    static Document copyOf(DocumentVersion version, Library unitLibrary, Folder copies, Person by, Instant now) {
        Document source = version.getDocument();
        Document copy = new Document(unitLibrary, copies, source.title, source.level, null, by, now);
        copy.description = source.description;
        copy.tags = source.tags;
        copy.copyOf = version;
        return copy;
    }

    /** @throws DomainException {@code document.archived} or {@code document.binned} unless the document is active */
    public void requireActive() {
        if (state == DocumentState.ARCHIVED) {
            throw new DomainException("document.archived");
        }
        if (state == DocumentState.BINNED) {
            throw new DomainException("document.binned");
        }
    }

    /** @throws DomainException {@code document.lockedBy} when someone else has checked the document out */
    public void requireNotLockedByOther(Person person) {
        if (lockedBy != null && !lockedBy.getId().equals(person.getId())) {
            throw new DomainException("document.lockedBy", lockedBy.getFullName(), lockedBy.getLogin());
        }
    }

    /** Before a new version: active, and not checked out by someone else. */
    void acceptVersionFrom(Person person, Instant now) {
        requireActive();
        requireNotLockedByOther(person);
        if (copyOf != null) {
            throw new DomainException("document.copyIsPinned");
        }
        updatedAt = now;
    }

    public void checkOut(Person person, Instant now) {
        requireActive();
        requireNotLockedByOther(person);
        lockedBy = person;
        lockedAt = now;
    }

    public void checkIn(Person person) {
        requireNotLockedByOther(person);
        lockedBy = null;
        lockedAt = null;
    }

    /** A manager's break of someone's lock; returns who held it (the caller audits it). */
    Person breakLock() {
        Person holder = lockedBy;
        lockedBy = null;
        lockedAt = null;
        return holder;
    }

    public void describe(String title, String description, String tags, Instant now) {
        requireActive();
        this.title = Folder.checkedName(title);
        String d = description == null ? null : description.strip();
        if (d != null && d.length() > MAX_DESCRIPTION) {
            throw new DomainException("document.descriptionTooLong", MAX_DESCRIPTION);
        }
        this.description = d == null || d.isEmpty() ? null : d;
        String t = normaliseTags(tags);
        if (t != null && t.length() > MAX_TAGS) {
            throw new DomainException("document.tagsTooLong", MAX_TAGS);
        }
        this.tags = t;
        this.updatedAt = now;
    }

    static String normaliseTags(String tags) {
        if (tags == null) {
            return null;
        }
        List<String> list = Arrays.stream(tags.split("[,，;；\\s]+")).map(String::strip).filter(s -> !s.isEmpty())
                .distinct().toList();
        return list.isEmpty() ? null : String.join(",", list);
    }

    public List<String> tagList() {
        return tags == null ? List.of() : List.of(tags.split(","));
    }

    void moveTo(Folder target, Instant now) {
        requireActive();
        if (target != null && !target.getLibrary().getId().equals(library.getId())) {
            throw new DomainException("document.folder.otherLibrary");
        }
        this.folder = target;
        this.updatedAt = now;
    }

    void changeLevel(Level level, Instant now) {
        requireActive();
        this.level = level;
        this.updatedAt = now;
    }

    void archive(String number, int retentionYears, Instant now) {
        requireActive();
        if (lockedBy != null) {
            throw new DomainException("document.lockedBy", lockedBy.getFullName(), lockedBy.getLogin());
        }
        String n = number == null ? "" : number.strip();
        if (n.isEmpty() || n.length() > 64) {
            throw new DomainException("document.archive.numberRequired");
        }
        if (retentionYears < 1 || retentionYears > 100) {
            throw new DomainException("document.archive.retention");
        }
        this.archiveNumber = n;
        this.retentionYears = retentionYears;
        this.archivedAt = now;
        this.state = DocumentState.ARCHIVED;
        this.updatedAt = now;
    }

    void restoreFromArchive(Instant now) {
        if (state != DocumentState.ARCHIVED) {
            throw new DomainException("document.notArchived");
        }
        this.state = DocumentState.ACTIVE;
        this.archiveNumber = null;
        this.retentionYears = null;
        this.archivedAt = null;
        this.updatedAt = now;
    }

    void bin(Instant now) {
        requireActive();
        if (lockedBy != null) {
            throw new DomainException("document.lockedBy", lockedBy.getFullName(), lockedBy.getLogin());
        }
        this.state = DocumentState.BINNED;
        this.binnedAt = now;
        this.updatedAt = now;
    }

    void restoreFromBin(Instant now) {
        if (state != DocumentState.BINNED) {
            throw new DomainException("document.notBinned");
        }
        this.state = DocumentState.ACTIVE;
        this.binnedAt = null;
        this.updatedAt = now;
    }

    public Long getId() {
        return id;
    }

    public Library getLibrary() {
        return library;
    }

    public Folder getFolder() {
        return folder;
    }

    public String getTitle() {
        return title;
    }

    public String getDescription() {
        return description;
    }

    public String getTags() {
        return tags;
    }

    public Level getLevel() {
        return level;
    }

    public DocumentState getState() {
        return state;
    }

    public Unit getOwnerUnit() {
        return ownerUnit;
    }

    public DocumentVersion getCopyOf() {
        return copyOf;
    }

    public String getArchiveNumber() {
        return archiveNumber;
    }

    public Integer getRetentionYears() {
        return retentionYears;
    }

    public Instant getArchivedAt() {
        return archivedAt;
    }

    public Person getLockedBy() {
        return lockedBy;
    }

    public Instant getLockedAt() {
        return lockedAt;
    }

    public Person getCreatedBy() {
        return createdBy;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
