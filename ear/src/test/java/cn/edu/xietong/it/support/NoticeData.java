package cn.edu.xietong.it.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Reads and moves notices' and documents' records behind the services' back, for tests of E1 and O1.6. */
@Stateless
public class NoticeData {

    @PersistenceContext
    private EntityManager em;

    /** The publish-time copies of an item: each its path (relative to the backup store), SHA-256 and size. */
    @SuppressWarnings("unchecked")
    public List<Object[]> copies(long noticeId) {
        return em.createNativeQuery("select path, sha256, size_bytes from publication_copy where notice_id = ?")
                .setParameter(1, noticeId).getResultList();
    }

    /** Moves a document's archiving back by some days. */
    public void ageArchive(long documentId, long days) {
        em.createNativeQuery("update doc_document set archived_at = ? where id = ?")
                .setParameter(1, Timestamp.from(Instant.now().minus(Duration.ofDays(days)))).setParameter(2, documentId)
                .executeUpdate();
    }

    /** Moves an item's publication (and its versions' decisions) back by some days, as if published then. */
    public void agePublication(long noticeId, long days) {
        Instant then = Instant.now().minus(Duration.ofDays(days));
        em.createNativeQuery("update notice set published_at = ? where id = ?")
                .setParameter(1, Timestamp.from(then)).setParameter(2, noticeId).executeUpdate();
        em.createNativeQuery("update notice_version set decided_at = ? where notice_id = ? and decided_at is not null")
                .setParameter(1, Timestamp.from(then)).setParameter(2, noticeId).executeUpdate();
    }
}
