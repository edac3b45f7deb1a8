package cn.edu.xietong.it.search;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.search.SearchChange;
import cn.edu.xietong.search.SearchIndex;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

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

    public long audits(AuditEvent event) {
        return em.createQuery("select count(r) from AuditRecord r where r.event = :e", Long.class)
                .setParameter("e", event).getSingleResult();
    }

    public SearchIndex.State state() {
        return index.state();
    }
}
