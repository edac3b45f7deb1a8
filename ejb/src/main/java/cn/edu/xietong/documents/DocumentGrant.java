package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Person;
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

/** A right given on a library (no folder, no document), a folder (and so everything below it) or a document. */
@Entity
@Table(name = "doc_grant")
@NamedQuery(name = DocumentGrant.ON_LIBRARY, query = "select g from DocumentGrant g where g.library = :library"
        + " and g.folder is null and g.document is null")
@NamedQuery(name = DocumentGrant.ON_FOLDERS, query = "select g from DocumentGrant g where g.folder in :folders")
@NamedQuery(name = DocumentGrant.ON_DOCUMENT, query = "select g from DocumentGrant g where g.document = :document")
public class DocumentGrant {

    public static final String ON_LIBRARY = "DocumentGrant.onLibrary";
    public static final String ON_FOLDERS = "DocumentGrant.onFolders";
    public static final String ON_DOCUMENT = "DocumentGrant.onDocument";

    @Id
    @SequenceGenerator(name = "doc_grant_seq", sequenceName = "doc_grant_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "doc_grant_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "library_id", nullable = false)
    private Library library;

    @ManyToOne
    @JoinColumn(name = "folder_id")
    private Folder folder;

    @ManyToOne
    @JoinColumn(name = "document_id")
    private Document document;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Grantee grantee;

    @ManyToOne
    @JoinColumn(name = "unit_id")
    private Unit unit;

    @Column(length = 32)
    private String role;

    @ManyToOne
    @JoinColumn(name = "person_id")
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Access access;

    @Column(name = "granted_at", nullable = false)
    private Instant grantedAt;

    @Column(name = "granted_by", nullable = false, length = 64)
    private String grantedBy;

    protected DocumentGrant() {
    }

    DocumentGrant(Library library, Folder folder, Document document, Grantee grantee, Unit unit, String role,
                  Person person, Access access, Instant grantedAt, String grantedBy) {
        if (access == null || access == Access.NONE) {
            throw new IllegalArgumentException("a grant gives READ, WRITE or MANAGE");
        }
        this.library = library;
        this.folder = folder;
        this.document = document;
        this.grantee = grantee;
        this.unit = grantee == Grantee.UNIT ? unit : null;
        this.role = grantee == Grantee.ROLE ? role : null;
        this.person = grantee == Grantee.PERSON ? person : null;
        this.access = access;
        this.grantedAt = grantedAt;
        this.grantedBy = grantedBy;
    }

    public GrantRule rule() {
        return new GrantRule(grantee, unit == null ? null : unit.getId(), role,
                person == null ? null : person.getId(), access);
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

    public Document getDocument() {
        return document;
    }

    public Grantee getGrantee() {
        return grantee;
    }

    public Unit getUnit() {
        return unit;
    }

    public String getRole() {
        return role;
    }

    public Person getPerson() {
        return person;
    }

    public Access getAccess() {
        return access;
    }
}
