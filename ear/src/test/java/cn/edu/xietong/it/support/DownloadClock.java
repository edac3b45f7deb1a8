package cn.edu.xietong.it.support;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;

/** Moves download approvals behind the services' back, for the tests of S4. */
@Stateless
public class DownloadClock {

    @PersistenceContext
    private EntityManager em;

    /** Lets a person's approvals for a version run out (as if granted long ago). */
    public void expire(long versionId, long personId) {
        em.createNativeQuery("update download_approval set valid_until = ? where version_id = ? and requester_id = ?")
                .setParameter(1, Timestamp.from(Instant.now().minusSeconds(60))).setParameter(2, versionId)
                .setParameter(3, personId).executeUpdate();
    }
}
