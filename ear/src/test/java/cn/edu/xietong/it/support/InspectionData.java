package cn.edu.xietong.it.support;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.security.MembershipReview;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.sql.Timestamp;
import java.time.Instant;

/** Plants what the confidentiality inspection must find (O1.7) where no service would make it so. */
@Stateless
public class InspectionData {

    @PersistenceContext
    private EntityManager em;

    /** The public document loses its owning department, as if it had been stored before E2 or edited in the DB. */
    public void removeOwner(long documentId) {
        em.createNativeQuery("update doc_document set owner_unit_id = null where id = ?")
                .setParameter(1, documentId).executeUpdate();
        em.getEntityManagerFactory().getCache().evictAll();
    }

    /** The person has enrolled a second factor (S2). */
    public void enrolSecondFactor(Person person) {
        Timestamp now = Timestamp.from(Instant.now());
        em.createNativeQuery("insert into second_factor (person_id, sealed_secret, created_at, enrolled_at,"
                        + " last_used_step, version) values (?, ?, ?, ?, 0, 0)")
                .setParameter(1, person.getId()).setParameter(2, "planted-by-test").setParameter(3, now)
                .setParameter(4, now).executeUpdate();
    }

    /** The unit's IT staff report the (still active) person as a leaver (O3.2). */
    public void reportLeaver(Person person) {
        MembershipReview.forChange(em, em.find(Person.class, person.getId()))
                .reportLeaver(Instant.now(), "it-test", "调离本单位");
    }
}
