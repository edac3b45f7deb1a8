package cn.edu.xietong.mailbox;

import cn.edu.xietong.search.SearchJournal;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The weekly cleanup's part of the mailbox (A4, E3): mail that has lain in a trash longer than the policy's days leaves
 * it for good. Called by the cleanup job in batches; it reads no mail, only entries' dates.
 */
@Stateless
@RolesAllowed({"BATCH_OPERATOR", "SYS_ADMIN"})
public class MailboxCleanup {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @Inject
    private SearchJournal search;

    /** Empties up to {@code most} trashed entries older than the policy allows; answers how many. */
    public int emptyOldTrash(int most) {
        MailboxPolicy policy = em.find(MailboxPolicy.class, MailboxPolicy.ID);
        Instant now = clock.now();
        List<MailEntry> old = em.createNamedQuery(MailEntry.TRASHED_BEFORE, MailEntry.class)
                .setParameter("trash", Folder.TRASH)
                .setParameter("before", now.minus(Duration.ofDays(policy.getTrashDays())))
                .setMaxResults(Math.max(1, most)).getResultList();
        old.forEach(e -> e.remove(now));
        old.forEach(e -> search.changed(MailSearchSource.KIND, e.getMessage().getId()));
        return old.size();
    }
}
