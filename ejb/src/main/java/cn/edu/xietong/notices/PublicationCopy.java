package cn.edu.xietong.notices;

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
 * That a published version of an important item was copied to the backup store at once (E1): where (relative to the
 * store), the copy's SHA-256 and size, and when. Never changed once written.
 */
@Entity
@Table(name = "publication_copy")
@NamedQuery(name = PublicationCopy.OF_VERSION, query = "select c from PublicationCopy c where c.versionId = :version")
public class PublicationCopy {

    public static final String OF_VERSION = "PublicationCopy.ofVersion";

    @Id
    @SequenceGenerator(name = "publication_copy_seq", sequenceName = "publication_copy_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "publication_copy_seq")
    private Long id;

    @Column(name = "notice_id", nullable = false, updatable = false)
    private Long noticeId;

    @Column(name = "version_id", nullable = false, updatable = false)
    private Long versionId;

    @Column(nullable = false, updatable = false, length = 400)
    private String path;

    @Column(nullable = false, updatable = false, length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false, updatable = false)
    private long sizeBytes;

    @Column(name = "written_at", nullable = false, updatable = false)
    private Instant writtenAt;

    protected PublicationCopy() {
    }

    PublicationCopy(long noticeId, long versionId, String path, String sha256, long sizeBytes, Instant writtenAt) {
        this.noticeId = noticeId;
        this.versionId = versionId;
        this.path = Objects.requireNonNull(path);
        this.sha256 = Objects.requireNonNull(sha256);
        this.sizeBytes = sizeBytes;
        this.writtenAt = Objects.requireNonNull(writtenAt);
    }

    public Long getNoticeId() {
        return noticeId;
    }

    public Long getVersionId() {
        return versionId;
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
