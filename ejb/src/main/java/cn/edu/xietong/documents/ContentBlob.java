package cn.edu.xietong.documents;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Instant;

/** One distinct content in the {@link ContentStore}: the file {@code ab/cd/<sha256>} exists, written once, never changed. */
@Entity
@Table(name = "content_blob")
@NamedQuery(name = ContentBlob.UNREFERENCED, query = "select b.sha256 from ContentBlob b where b.createdAt < :before"
        + " and not exists (select v from DocumentVersion v where v.sha256 = b.sha256) order by b.createdAt")
public class ContentBlob {

    public static final String UNREFERENCED = "ContentBlob.unreferenced";

    @Id
    @Column(length = 64)
    private String sha256;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected ContentBlob() {
    }

    ContentBlob(String sha256, long size, Instant createdAt) {
        this.sha256 = sha256;
        this.size = size;
        this.createdAt = createdAt;
    }

    public String getSha256() {
        return sha256;
    }

    public long getSize() {
        return size;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }
}
