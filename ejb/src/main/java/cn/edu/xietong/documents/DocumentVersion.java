package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;

/** One version of a document: the name and type it was uploaded with and the content it names by SHA-256. Never changes. */
@Entity
@Table(name = "doc_version")
@NamedQuery(name = DocumentVersion.OF, query = "select v from DocumentVersion v where v.document = :document"
        + " order by v.number")
@NamedQuery(name = DocumentVersion.LATEST, query = "select v from DocumentVersion v where v.document = :document"
        + " and v.number = (select max(w.number) from DocumentVersion w where w.document = :document)")
public class DocumentVersion {

    public static final String OF = "DocumentVersion.of";
    public static final String LATEST = "DocumentVersion.latest";

    @Id
    @SequenceGenerator(name = "doc_version_seq", sequenceName = "doc_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "doc_version_seq")
    private Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "document_id", nullable = false)
    private Document document;

    @Column(nullable = false)
    private int number;

    @Column(name = "file_name", nullable = false, length = 200)
    private String fileName;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    @Column(name = "scanned_by", length = 100)
    private String scannedBy;

    @ManyToOne(optional = false)
    @JoinColumn(name = "created_by_id", nullable = false)
    private Person createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected DocumentVersion() {
    }

    DocumentVersion(Document document, int number, StoredContent content, Person createdBy, Instant createdAt) {
        this.document = document;
        this.number = number;
        this.fileName = content.fileName();
        this.contentType = content.contentType();
        this.size = content.size();
        this.sha256 = content.sha256();
        this.scannedBy = content.scannedBy();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    /** The same content as a copy's first version (E2): the copy names the same immutable bytes. */
    DocumentVersion(Document copy, DocumentVersion source, Person by, Instant now) {
        this(copy, 1, new StoredContent(source.fileName, source.contentType, source.size, source.sha256,
                source.scannedBy), by, now);
    }

    public Long getId() {
        return id;
    }

    public Document getDocument() {
        return document;
    }

    public int getNumber() {
        return number;
    }

    public String getFileName() {
        return fileName;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }

    public String getSha256() {
        return sha256;
    }

    public String getScannedBy() {
        return scannedBy;
    }

    public Person getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
