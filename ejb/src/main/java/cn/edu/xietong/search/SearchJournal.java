package cn.edu.xietong.search;

import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * Tells every server's index that an item changed (B4): one row in the shared journal, written in the transaction of
 * the change itself, so the index hears of exactly the changes that were committed. Called by each module wherever a
 * searchable item of its own appears, changes, changes readers or disappears.
 */
@ApplicationScoped
public class SearchJournal {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    /** The item {@code id} of {@code kind} is to be read again by every index. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void changed(String kind, long id) {
        em.persist(new SearchChange(kind, id, clock.now()));
    }
}
