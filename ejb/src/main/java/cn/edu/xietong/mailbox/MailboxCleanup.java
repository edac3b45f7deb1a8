package cn.edu.xietong.mailbox;

import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.operations.ReportLine;
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
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * The weekly cleanup's part of the mailbox (A4, E3): mail that has lain in a trash longer than the policy's days leaves
 * it for good, so do drafts nobody touched for {@code xietong.cleanup.draftDays}, and a mail no mailbox holds any more
 * is purged: its text, addresses and attachment rows (the attachments' stored files are then unreferenced uploads,
 * removed by the cleanup's upload area). Called by the cleanup job item by item in the chunk's transaction, each time
 * with the run's fixed {@code now}; every removal checks its rule again, so an item restored meanwhile stays. It reads
 * no mail, only entries' dates and sizes.
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

    /** The trashed entries older than the policy allows at {@code now}, by id. */
    public List<Long> oldTrash(Instant now) {
        return em.createQuery("select e.id from MailEntry e where e.folder = :trash and e.removedAt is null"
                        + " and e.trashedAt < :before order by e.id", Long.class)
                .setParameter("trash", Folder.TRASH).setParameter("before", trashCutoff(now)).getResultList();
    }

    /** Takes one trashed entry out of its mailbox for good, if it is still old trash. */
    public Optional<ReportLine> removeTrashed(long entryId, Instant now, String kind) {
        MailEntry entry = em.find(MailEntry.class, entryId);
        if (entry == null || entry.isRemoved() || entry.getFolder() != Folder.TRASH || entry.getTrashedAt() == null
                || !entry.getTrashedAt().isBefore(trashCutoff(now))) {
            return Optional.empty();
        }
        entry.remove(now);
        search.changed(MailSearchSource.KIND, entry.getMessage().getId());
        return Optional.of(ReportLine.count(kind, entry.getOwner().getLogin() + ": mail entry " + entryId, 1, 0));
    }

    /** The drafts' entries whose draft nobody saved since {@code before}, by id. */
    public List<Long> oldDrafts(Instant before) {
        return em.createQuery("select e.id from MailEntry e where e.folder = :drafts and e.removedAt is null"
                        + " and e.message.sentAt is null and e.message.updatedAt < :before order by e.id", Long.class)
                .setParameter("drafts", Folder.DRAFTS).setParameter("before", micros(before)).getResultList();
    }

    /** Removes one old draft from its writer's drafts, if it is still unsent and untouched since {@code before}. */
    public Optional<ReportLine> removeDraft(long entryId, Instant before, Instant now, String kind) {
        MailEntry entry = em.find(MailEntry.class, entryId);
        if (entry == null || entry.isRemoved() || entry.getFolder() != Folder.DRAFTS
                || entry.getMessage().isSent() || !entry.getMessage().getUpdatedAt().isBefore(micros(before))) {
            return Optional.empty();
        }
        entry.remove(now);
        return Optional.of(ReportLine.count(kind, entry.getOwner().getLogin() + ": draft " + entry.getMessage().getId(),
                1, 0));
    }

    /** The mails no mailbox holds any more (every entry removed), by id. */
    public List<Long> unheld() {
        return em.createQuery("select m.id from MailMessage m where not exists (select e from MailEntry e"
                + " where e.message = m and e.removedAt is null) order by m.id", Long.class).getResultList();
    }

    /**
     * Purges a mail no mailbox holds: its entries, addresses, attachment rows and text; mails that answer or forward it
     * lose the reference. Answers the bytes of its text freed (its attachments are freed with their stored files).
     */
    public Optional<ReportLine> purge(long mailId, String kind) {
        MailMessage mail = em.find(MailMessage.class, mailId);
        if (mail == null || em.createQuery("select count(e) from MailEntry e where e.message = :m"
                + " and e.removedAt is null", Long.class).setParameter("m", mail).getSingleResult() > 0) {
            return Optional.empty();
        }
        long attachments = mail.getAttachments().stream().mapToLong(AttachedFile::getSize).sum();
        long text = Math.max(0, mail.getSize() - attachments);
        em.createQuery("update MailMessage m set m.replyTo = null where m.replyTo = :m").setParameter("m", mail)
                .executeUpdate();
        em.createQuery("update MailMessage m set m.forwardOf = null where m.forwardOf = :m").setParameter("m", mail)
                .executeUpdate();
        int entries = em.createQuery("delete from MailEntry e where e.message = :m").setParameter("m", mail)
                .executeUpdate();
        em.remove(mail);
        em.flush();
        search.changed(MailSearchSource.KIND, mailId);
        return Optional.of(ReportLine.count(kind, "mail " + mailId + " (" + entries + " entries, "
                + attachments + " B of attachments)", 1, text));
    }

    private Instant trashCutoff(Instant now) {
        return micros(now.minus(Duration.ofDays(em.find(MailboxPolicy.class, MailboxPolicy.ID).getTrashDays())));
    }

    private static Instant micros(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }
}
