package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.PeopleFinder;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.search.SearchJournal;
import cn.edu.xietong.security.ModuleRights;
import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.Like;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One's own mailbox (A4): folders and their mail, opening a mail (which records the sender's read receipt), read
 * state, flags, moving, the trash, one's own folders, search and the quota. Every call acts on the caller's mailbox
 * only: an entry or mail id of someone else's — administrators' calls included — is refused as an
 * {@link EJBAccessException} whether it exists or not, and changes nothing.
 */
@Stateless
@RolesAllowed("STAFF")
public class Mailbox {

    /** The most a list or search answers at once. */
    public static final int MOST = 200;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private PeopleFinder people;

    @EJB
    private OfficeClock clock;

    @Inject
    private SearchJournal search;

    /** The folder list with counts and the quota. */
    public MailboxOverview overview() {
        Person me = owner();
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : em.createNamedQuery(MailEntry.COUNT_PER_OWN_FOLDER, Object[].class)
                .setParameter("owner", me.getId()).setParameter("custom", Folder.CUSTOM).getResultList()) {
            counts.put((Long) row[0], ((Number) row[1]).longValue());
        }
        List<MailboxOverview.OwnFolder> folders = new ArrayList<>();
        for (MailFolder f : em.createNamedQuery(MailFolder.OF_OWNER, MailFolder.class)
                .setParameter("owner", me.getId()).getResultList()) {
            folders.add(new MailboxOverview.OwnFolder(f.getId(), f.getName(), counts.getOrDefault(f.getId(), 0L)));
        }
        return new MailboxOverview(unseen(me), count(me, Folder.DRAFTS), count(me, Folder.TRASH), folders,
                MailEntries.usageOf(em, me));
    }

    /** Unseen mail in the caller's inbox (the workbench's and the menu's figure); 0 without the mail module. */
    public long unreadCount() {
        Person me = directory.me();
        return me.getUnit().mayUse(Module.MAIL) ? unseen(me) : 0;
    }

    /** The caller's quota and what they use of it. */
    public MailboxUsage usage() {
        return MailEntries.usageOf(em, owner());
    }

    /** A system folder's mail, newest first: {@code first} and {@code max} page through it. */
    public List<ListedMail> list(Folder folder, int first, int max) {
        if (folder == Folder.CUSTOM) {
            throw new IllegalArgumentException("one's own folders are listed by id");
        }
        return em.createNamedQuery(MailEntry.IN_FOLDER, MailEntry.class).setParameter("owner", owner().getId())
                .setParameter("folder", folder).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, MOST))).getResultStream().map(ListedMail::of).toList();
    }

    /** How many mails a system folder holds. */
    public long count(Folder folder) {
        return count(owner(), folder);
    }

    /** One of the caller's own folders' mail, newest first. */
    public List<ListedMail> listFolder(long folderId, int first, int max) {
        MailFolder folder = ownFolder(owner(), folderId);
        return em.createNamedQuery(MailEntry.IN_OWN_FOLDER, MailEntry.class)
                .setParameter("owner", folder.getOwner().getId()).setParameter("custom", Folder.CUSTOM)
                .setParameter("folder", folderId).setFirstResult(Math.max(0, first))
                .setMaxResults(Math.max(1, Math.min(max, MOST))).getResultStream().map(ListedMail::of).toList();
    }

    /**
     * Opens a mail in the caller's mailbox (as a recipient if they are one, else as its sender). The first opening
     * by a recipient is their read receipt; a recalled mail is no longer there.
     */
    public OpenedMail open(long mailId) {
        Person me = owner();
        MailEntry entry = MailEntries.readable(em, me, mailId);
        MailMessage mail = entry.getMessage();
        boolean mine = entry.getRole() == EntryRole.SENDER;
        if (!mine && entry.getOpenedAt() == null) {
            em.createNamedQuery(MailEntry.FIRST_OPEN).setParameter("at", clock.now()).setParameter("id", entry.getId())
                    .executeUpdate();
            em.refresh(entry);
        } else if (!entry.isSeen()) {
            entry.markSeen(true);
        }
        List<MailEntry> all = mine ? em.createNamedQuery(MailEntry.OF_MESSAGE, MailEntry.class)
                .setParameter("message", mailId).getResultList() : List.of();
        List<Person> shown = new ArrayList<>();
        shown.add(mail.getSender());
        Map<Long, Person> addressed = new HashMap<>();
        List<Long> personIds = mail.visibleAddresses(mine).stream().filter(a -> a.getTarget() == AddressTarget.PERSON)
                .map(MailAddress::getTargetId).toList();
        if (!personIds.isEmpty()) {
            em.createQuery("select p from Person p where p.id in :ids", Person.class).setParameter("ids", personIds)
                    .getResultList().forEach(p -> addressed.put(p.getId(), p));
        }
        shown.addAll(addressed.values());
        all.stream().filter(e -> e.getRole() != EntryRole.SENDER).forEach(e -> shown.add(e.getOwner()));
        Map<String, PersonCandidate> candidates = new HashMap<>();
        people.candidates(shown.stream().distinct().toList()).forEach(c -> candidates.put(c.login(), c));
        List<OpenedMail.Line> lines = mail.visibleAddresses(mine).stream().map(a -> line(a, addressed, candidates))
                .toList();
        List<OpenedMail.Receipt> receipts = all.stream().filter(e -> e.getRole() != EntryRole.SENDER)
                .map(e -> new OpenedMail.Receipt(candidates.get(e.getOwner().getLogin()),
                        AddressKind.valueOf(e.getRole().name()), e.getOpenedAt())).toList();
        boolean recallable = mine && mail.isSent() && !mail.isRecalled()
                && receipts.stream().allMatch(r -> r.openedAt() == null);
        return new OpenedMail(entry.getId(), mail.getId(), mine, mail.getSubject(), mail.getBodyHtml(),
                candidates.get(mail.getSender().getLogin()), lines, mail.getAttachments().stream()
                .map(a -> new OpenedMail.Attachment(a.getFileUid(), a.getName(), a.getContentType(), a.getSize()))
                .toList(), mail.isSent() ? mail.getSentAt() : mail.getUpdatedAt(), entry.getFolder(),
                entry.getFolderId(), entry.isFlagged(), mail.isRecalled(), recallable, receipts);
    }

    private OpenedMail.Line line(MailAddress a, Map<Long, Person> addressed, Map<String, PersonCandidate> candidates) {
        return switch (a.getTarget()) {
            case PERSON -> new OpenedMail.Line(a.getKind(), a.getTarget(), a.getLabel(),
                    addressed.containsKey(a.getTargetId())
                            ? candidates.get(addressed.get(a.getTargetId()).getLogin()) : null, null);
            case UNIT, UNIT_LEADERS -> {
                Unit unit = em.find(Unit.class, a.getTargetId());
                yield new OpenedMail.Line(a.getKind(), a.getTarget(), a.getLabel(), null,
                        unit == null ? null : new Bilingual(unit.getNameZh(), unit.getNameEn()));
            }
            case GROUP -> new OpenedMail.Line(a.getKind(), a.getTarget(), a.getLabel(), null, null);
        };
    }

    /** An attached file of a mail in the caller's mailbox (S4: only to those who hold the mail). */
    public StoredFile attachment(long mailId, String uid) {
        MailEntry entry = MailEntries.readable(em, owner(), mailId);
        if (entry.getMessage().getAttachments().stream().noneMatch(a -> a.getFileUid().equals(uid))) {
            throw new EJBAccessException("mail " + mailId + " has no file " + uid);
        }
        return em.createNamedQuery(StoredFile.BY_UID, StoredFile.class).setParameter("uid", uid).getSingleResult();
    }

    /** Marks entries seen or unseen. */
    public void markSeen(Collection<Long> entryIds, boolean seen) {
        entries(entryIds).forEach(e -> e.markSeen(seen));
    }

    /** Flags or unflags entries. */
    public void flag(Collection<Long> entryIds, boolean flagged) {
        entries(entryIds).forEach(e -> e.flag(flagged));
    }

    /** Files entries in a system folder (the inbox for received mail, sent for one's own). */
    public void move(Collection<Long> entryIds, Folder folder) {
        entries(entryIds).forEach(e -> e.moveTo(folder));
    }

    /** Files entries in one of the caller's own folders. */
    public void moveToFolder(Collection<Long> entryIds, long folderId) {
        Person me = owner();
        MailFolder folder = ownFolder(me, folderId);
        entries(entryIds).forEach(e -> e.moveTo(folder));
    }

    /** Puts entries into the trash. */
    public void trash(Collection<Long> entryIds) {
        Instant now = clock.now();
        entries(entryIds).forEach(e -> e.trash(now));
    }

    /** Takes entries out of the trash. */
    public void restore(Collection<Long> entryIds) {
        entries(entryIds).forEach(MailEntry::restore);
    }

    /** Removes entries in the trash for good (they leave the quota); entries elsewhere go to the trash first. */
    public void removeForever(Collection<Long> entryIds) {
        Instant now = clock.now();
        List<MailEntry> entries = entries(entryIds);
        if (entries.stream().anyMatch(e -> e.getFolder() != Folder.TRASH)) {
            throw new DomainException("mailbox.removeOnlyFromTrash");
        }
        entries.forEach(e -> e.remove(now));
        entries.forEach(e -> search.changed(MailSearchSource.KIND, e.getMessage().getId()));
    }

    /** Empties the caller's trash; answers how many mails left it. */
    public int emptyTrash() {
        Person me = owner();
        Instant now = clock.now();
        List<MailEntry> trash = em.createNamedQuery(MailEntry.IN_FOLDER, MailEntry.class)
                .setParameter("owner", me.getId()).setParameter("folder", Folder.TRASH).getResultList();
        trash.forEach(e -> e.remove(now));
        trash.forEach(e -> search.changed(MailSearchSource.KIND, e.getMessage().getId()));
        return trash.size();
    }

    /** Creates a folder of the caller's own. */
    public long createFolder(String name) {
        Person me = owner();
        MailFolder folder = new MailFolder(me, name, clock.now());
        requireFreeName(me, folder.getName());
        long count = em.createNamedQuery(MailFolder.OF_OWNER, MailFolder.class).setParameter("owner", me.getId())
                .getResultList().size();
        if (count >= MailFolder.MOST) {
            throw new DomainException("mailbox.folder.tooMany", MailFolder.MOST);
        }
        em.persist(folder);
        em.flush();
        return folder.getId();
    }

    /** Renames a folder of the caller's own. */
    public void renameFolder(long folderId, String name) {
        Person me = owner();
        MailFolder folder = ownFolder(me, folderId);
        String old = folder.getName();
        folder.rename(name);
        if (!old.equalsIgnoreCase(folder.getName())) {
            requireFreeName(me, folder.getName());
        }
    }

    /** Deletes an empty folder of the caller's own; a folder holding mail is refused (move or delete it first). */
    public void deleteFolder(long folderId) {
        MailFolder folder = ownFolder(owner(), folderId);
        if (em.createNamedQuery(MailEntry.IN_FOLDER_ID, Long.class).setParameter("folder", folderId)
                .getSingleResult() > 0) {
            throw new DomainException("mailbox.folder.notEmpty", folder.getName());
        }
        em.remove(folder);
    }

    /**
     * Searches the caller's own mailbox (A4): every part given must match (words anywhere, any case); newest first,
     * at most {@link #MOST}. Mail removed for good is not found; the trash is searched only when asked for.
     */
    public List<ListedMail> search(MailSearch search) {
        Person me = owner();
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<MailEntry> q = cb.createQuery(MailEntry.class);
        Root<MailEntry> e = q.from(MailEntry.class);
        Join<MailEntry, MailMessage> m = e.join("message");
        List<Predicate> where = new ArrayList<>();
        where.add(cb.equal(e.get("owner").get("id"), me.getId()));
        where.add(cb.isNull(e.get("removedAt")));
        if (search.folder() != null) {
            where.add(cb.equal(e.get("folder"), search.folder()));
        } else {
            where.add(cb.notEqual(e.get("folder"), Folder.TRASH));
        }
        if (!MailSearch.blank(search.sender())) {
            Join<MailMessage, Person> sender = m.join("sender");
            String p = Like.containing(search.sender());
            where.add(cb.or(cb.like(cb.lower(sender.get("fullName")), p, '\\'),
                    cb.like(cb.lower(sender.get("login")), p, '\\')));
        }
        if (!MailSearch.blank(search.subject())) {
            where.add(cb.like(cb.lower(m.get("subject")), Like.containing(search.subject()), '\\'));
        }
        if (!MailSearch.blank(search.text())) {
            where.add(cb.like(cb.lower(m.get("bodyText")), Like.containing(search.text()), '\\'));
        }
        if (!MailSearch.blank(search.recipient())) {
            Subquery<Long> s = q.subquery(Long.class);
            Root<MailMessage> sm = s.from(MailMessage.class);
            Join<MailMessage, MailAddress> a = sm.join("addresses");
            List<Predicate> inner = new ArrayList<>();
            inner.add(cb.equal(sm, m));
            inner.add(cb.like(cb.lower(a.get("label")), Like.containing(search.recipient()), '\\'));
            // a recipient does not find mail by its blind copies
            inner.add(cb.or(cb.equal(e.get("role"), EntryRole.SENDER), cb.notEqual(a.get("kind"), AddressKind.BCC)));
            s.select(sm.get("id")).where(inner.toArray(Predicate[]::new));
            where.add(cb.exists(s));
        }
        if (!MailSearch.blank(search.attachment())) {
            Subquery<Long> s = q.subquery(Long.class);
            Root<MailMessage> sm = s.from(MailMessage.class);
            Join<MailMessage, AttachedFile> a = sm.join("attachments");
            s.select(sm.get("id")).where(cb.equal(sm, m),
                    cb.like(cb.lower(a.get("name")), Like.containing(search.attachment()), '\\'));
            where.add(cb.exists(s));
        }
        if (search.from() != null) {
            where.add(cb.greaterThanOrEqualTo(e.get("filedAt"), search.from().atStartOfDay(Campus.zone()).toInstant()));
        }
        if (search.to() != null) {
            where.add(cb.lessThan(e.get("filedAt"),
                    search.to().plusDays(1).atStartOfDay(Campus.zone()).toInstant()));
        }
        q.select(e).where(where.toArray(Predicate[]::new)).orderBy(cb.desc(e.get("filedAt")), cb.desc(e.get("id")));
        return em.createQuery(q).setMaxResults(MOST).getResultStream().map(ListedMail::of).toList();
    }

    private Person owner() {
        Person me = directory.me();
        ModuleRights.check(me.getUnit(), Module.MAIL);
        return me;
    }

    private long unseen(Person me) {
        return em.createNamedQuery(MailEntry.COUNT_UNSEEN, Long.class).setParameter("owner", me.getId())
                .setParameter("folder", Folder.INBOX).getSingleResult();
    }

    private long count(Person me, Folder folder) {
        return em.createNamedQuery(MailEntry.COUNT_IN_FOLDER, Long.class).setParameter("owner", me.getId())
                .setParameter("folder", folder).getSingleResult();
    }

    private List<MailEntry> entries(Collection<Long> ids) {
        Person me = owner();
        if (ids.isEmpty()) {
            return List.of();
        }
        List<MailEntry> found = em.createQuery("select e from MailEntry e where e.id in :ids", MailEntry.class)
                .setParameter("ids", List.copyOf(ids)).getResultList();
        if (found.size() != ids.stream().distinct().count()
                || found.stream().anyMatch(e -> !e.belongsTo(me) || e.isRemoved())) {
            throw new EJBAccessException("entries " + ids + " are not all in " + me.getLogin() + "'s mailbox");
        }
        return found;
    }

    private MailFolder ownFolder(Person me, long folderId) {
        MailFolder folder = em.find(MailFolder.class, folderId);
        if (folder == null || !folder.getOwner().getId().equals(me.getId())) {
            throw new EJBAccessException("folder " + folderId + " is not " + me.getLogin() + "'s");
        }
        return folder;
    }

    private void requireFreeName(Person me, String name) {
        if (em.createNamedQuery(MailFolder.NAMED, Long.class).setParameter("owner", me.getId())
                .setParameter("name", name).getSingleResult() > 0) {
            throw new DomainException("mailbox.folder.taken", name);
        }
    }
}
