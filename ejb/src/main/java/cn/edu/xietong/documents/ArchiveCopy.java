package cn.edu.xietong.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.Objects;

/**
 * That an archived document's file was copied to the backup store when it was archived (E1): which version, under
 * which archive number, where (relative to the store), its SHA-256 and size, when. Never changed once written.
 */
@Entity
@Table(name = "archive_copy")
@NamedQuery(name = ArchiveCopy.OF_DOCUMENT, query = "select c from ArchiveCopy c where c.documentId = :document"
        + " order by c.writtenAt desc")
public class ArchiveCopy {

    public static final String OF_DOCUMENT = "ArchiveCopy.ofDocument";

    @Id
    @SequenceGenerator(name = "archive_copy_seq", sequenceName = "archive_copy_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "archive_copy_seq")
    private Long id;

    @Column(name = "document_id", nullable = false, updatable = false)
    private Long documentId;

    @Column(name = "version_id", nullable = false, updatable = false)
    private Long versionId;

    @Column(name = "archive_number", nullable = false, updatable = false, length = 64)
    private String archiveNumber;

    @Column(nullable = false, updatable = false, length = 400)
    private String path;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    protected ArchiveCopy() {
    }

    ArchiveCopy(long documentId, long versionId, String archiveNumber, String path, String sha256, long sizeBytes,
                Instant writtenAt) {
        this.documentId = documentId;
        this.versionId = versionId;
        this.archiveNumber = Objects.requireNonNull(archiveNumber);
        this.path = Objects.requireNonNull(path);
        this.sha256 = Objects.requireNonNull(sha256);
        this.sizeBytes = sizeBytes;
        this.writtenAt = Objects.requireNonNull(writtenAt);
    }

    public String getArchiveNumber() {
        return archiveNumber;
    }

    public String getPath() {
        return path;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSizeBytes() {
        return sizeBytes;
    }

    public Instant getWrittenAt() {
        return writtenAt;
    }
}
