package cn.edu.xietong.it.search;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.search.AccessTokens;
import cn.edu.xietong.search.LuceneIndex;
import cn.edu.xietong.search.SearchChange;
import cn.edu.xietong.search.SearchIndex;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Set;

/** What the search tests do to the database behind the services' backs, as another server would. */
@Stateless
@PermitAll
public class SearchData {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @EJB
    private SearchIndex index;

    /** Another server changed a published notice's text and wrote its journal line in the same transaction. */
    public void rewriteNoticeElsewhere(long noticeId, String text) {
        em.createNativeQuery("update notice_version set body_text = ? where notice_id = ? and state = 'APPROVED'")
                .setParameter(1, text).setParameter(2, noticeId).executeUpdate();
        em.persist(new SearchChange("notice", noticeId, clock.now()));
    }

    /** The notice is withdrawn in the database without a journal line (as if the index had missed it). */
    public void withdrawUnjournaled(long noticeId) {
        em.createNativeQuery("update notice set state = 'WITHDRAWN' where id = ?").setParameter(1, noticeId)
                .executeUpdate();
    }

    public long audits(AuditEvent event) {
        return em.createQuery("select count(r) from AuditRecord r where r.event = :e", Long.class)
                .setParameter("e", event).getSingleResult();
    }

    /**
     * How many items this server's index itself holds for the person and words (no check against the database, so
     * nothing is journaled again): what the journal brought to the index.
     */
    public long indexed(long personId, String words) {
        Person person = em.find(Person.class, personId);
        return index.search(index.query(words).orElseThrow(), AccessTokens.of(person), Set.of("notice", "mail"), 0, 1)
                .map(LuceneIndex.Page::total).orElse(-1L);
    }

    public SearchIndex.State state() {
        return index.state();
    }
}
