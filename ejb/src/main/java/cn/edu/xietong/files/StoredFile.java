package cn.edu.xietong.files;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Lob;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.UUID;

/**
 * An uploaded file (S1) that passed {@link UploadCheck} and, where a scanner is configured, the virus scan. Files never
 * change after upload: a new version is a new file, so a signed form that names a file's uid names these exact bytes
 * (their SHA-256 is kept too).
 */
@Entity
@Table(name = "stored_file")
@NamedQuery(name = StoredFile.BY_UID, query = "select f from StoredFile f where f.uid = :uid")
@NamedQuery(name = StoredFile.INFO, query = "select new cn.edu.xietong.files.FileInfo(f.uid, f.name, f.contentType,"
        + " f.size, f.sha256, f.owner.id, f.uploadedAt, f.scannedBy) from StoredFile f where f.uid in :uids")
public class StoredFile {

    public static final String BY_UID = "StoredFile.byUid";
    /** What is known of files, without their bytes. */
    public static final String INFO = "StoredFile.info";

    @Id
    @SequenceGenerator(name = "stored_file_seq", sequenceName = "stored_file_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "stored_file_seq")
    private Long id;

    @Column(nullable = false, unique = true, length = 36)
    private String uid;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(nullable = false, length = 64)
    private String sha256;

    /** Read with the entity (no weaving, so no lazy basics): lists and checks use {@link FileInfo} instead. */
    @Lob
    @Column(nullable = false)
    private byte[] content;

    @ManyToOne(optional = false)
    @JoinColumn(name = "owner_id", nullable = false)
    private Person owner;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    /** The scanner that passed the file ("clamd …"), or null when no scanner is configured. */
    @Column(name = "scanned_by", length = 100)
    private String scannedBy;

    protected StoredFile() {
    }

    StoredFile(UploadCheck.Accepted accepted, byte[] content, Person owner, Instant uploadedAt, String scannedBy) {
        this.uid = UUID.randomUUID().toString();
        this.name = accepted.name();
        this.contentType = accepted.contentType();
        this.size = content.length;
        this.sha256 = accepted.sha256();
        this.content = content.clone();
        this.owner = owner;
        this.uploadedAt = uploadedAt;
        this.scannedBy = scannedBy;
    }

    public Long getId() {
        return id;
    }

    public String getUid() {
        return uid;
    }

    public String getName() {
        return name;
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

    public byte[] content() {
        return content.clone();
    }

    public Person getOwner() {
        return owner;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public String getScannedBy() {
        return scannedBy;
    }
}
