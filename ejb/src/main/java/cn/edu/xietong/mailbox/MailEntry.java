package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * A mail in one mailbox (A4): the owner's own state of it — folder, seen, flagged, in the trash, removed — and, for a
 * recipient, when they first opened it (the sender's read receipt). One small row per mailbox; the mail itself is
 * stored once. A removed entry stays as a row (its receipt stays with the sender) but leaves every list and quota.
 */
@Entity
@Table(name = "mail_entry")
@NamedQuery(name = MailEntry.IN_FOLDER, query = "select e from MailEntry e join fetch e.message m"
        + " join fetch m.sender where e.owner.id = :owner and e.folder = :folder and e.removedAt is null"
        + " order by e.filedAt desc, e.id desc")
@NamedQuery(name = MailEntry.IN_OWN_FOLDER, query = "select e from MailEntry e join fetch e.message m"
        + " join fetch m.sender where e.owner.id = :owner and e.folder = :custom and e.folderId = :folder"
        + " and e.removedAt is null order by e.filedAt desc, e.id desc")
@NamedQuery(name = MailEntry.COUNT_IN_FOLDER, query = "select count(e) from MailEntry e where e.owner.id = :owner"
        + " and e.folder = :folder and e.removedAt is null")
@NamedQuery(name = MailEntry.COUNT_UNSEEN, query = "select count(e) from MailEntry e where e.owner.id = :owner"
        + " and e.folder = :folder and e.seen = false and e.removedAt is null")
@NamedQuery(name = MailEntry.USAGE, query = "select sum(e.size) from MailEntry e"
        + " where e.owner.id = :owner and e.removedAt is null")
@NamedQuery(name = MailEntry.OF_MESSAGE, query = "select e from MailEntry e join fetch e.owner o"
        + " where e.message.id = :message order by e.role, o.fullName, e.id")
@NamedQuery(name = MailEntry.SENDERS_ENTRY, query = "select e from MailEntry e where e.message.id = :message"
        + " and e.role = :sender")
@NamedQuery(name = MailEntry.OPENED_RECIPIENTS, query = "select count(e) from MailEntry e"
        + " where e.message.id = :message and e.role <> :sender and e.openedAt is not null")
@NamedQuery(name = MailEntry.WITHDRAW, query = "delete from MailEntry e where e.message.id = :message"
        + " and e.role <> :sender and e.openedAt is null")
@NamedQuery(name = MailEntry.FIRST_OPEN, query = "update MailEntry e set e.openedAt = :at, e.seen = true,"
        + " e.version = e.version + 1 where e.id = :id and e.openedAt is null")
@NamedQuery(name = MailEntry.TRASHED_BEFORE, query = "select e from MailEntry e where e.folder = :trash"
        + " and e.removedAt is null and e.trashedAt < :before order by e.id")
@NamedQuery(name = MailEntry.COUNT_PER_OWN_FOLDER, query = "select e.folderId, count(e) from MailEntry e"
        + " where e.owner.id = :owner and e.folder = :custom and e.removedAt is null group by e.folderId")
@NamedQuery(name = MailEntry.IN_FOLDER_ID, query = "select count(e) from MailEntry e where e.folderId = :folder"
        + " and e.removedAt is null")
public class MailEntry {

    public static final String IN_FOLDER = "MailEntry.inFolder";
    public static final String IN_OWN_FOLDER = "MailEntry.inOwnFolder";
    public static final String COUNT_IN_FOLDER = "MailEntry.countInFolder";
    public static final String COUNT_UNSEEN = "MailEntry.countUnseen";
    public static final String USAGE = "MailEntry.usage";
    public static final String OF_MESSAGE = "MailEntry.ofMessage";
    public static final String SENDERS_ENTRY = "MailEntry.sendersEntry";
    public static final String OPENED_RECIPIENTS = "MailEntry.openedRecipients";
    public static final String WITHDRAW = "MailEntry.withdraw";
    public static final String FIRST_OPEN = "MailEntry.firstOpen";
    public static final String TRASHED_BEFORE = "MailEntry.trashedBefore";
    public static final String IN_FOLDER_ID = "MailEntry.inFolderId";
    public static final String COUNT_PER_OWN_FOLDER = "MailEntry.countPerOwnFolder";

    @Id
    @SequenceGenerator(name = "mail_entry_seq", sequenceName = "mail_entry_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_entry_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "message_id", nullable = false, updatable = false)
    private MailMessage message;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "owner_id", nullable = false, updatable = false)
    private Person owner;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private EntryRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private Folder folder;

    @Column(name = "folder_id")
    private Long folderId;

    @Column(nullable = false)
    private boolean seen;

    @Column(nullable = false)
    private boolean flagged;

    @Column(name = "opened_at")
    private Instant openedAt;

    @Column(name = "trashed_at")
    private Instant trashedAt;

    @Column(name = "removed_at")
    private Instant removedAt;

    @Column(name = "filed_at", nullable = false)
    private Instant filedAt;

    /** The mail's size as this mailbox counts it (a copy of the mail's, so the quota's sum reads entries only). */
    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Version
    private long version;

    protected MailEntry() {
    }

    /** The sender's own entry: in drafts until the mail is sent. */
    static MailEntry ofSender(MailMessage draft, Instant at) {
        MailEntry entry = new MailEntry(draft, draft.getSender(), EntryRole.SENDER, Folder.DRAFTS, at);
        entry.seen = true;
        return entry;
    }

    /** A recipient's entry: unseen in their inbox. */
    static MailEntry ofRecipient(MailMessage mail, Person recipient, EntryRole role, Instant at) {
        if (role == EntryRole.SENDER) {
            throw new IllegalArgumentException("a recipient's role is to, cc or bcc");
        }
        return new MailEntry(mail, recipient, role, Folder.INBOX, at);
    }

    private MailEntry(MailMessage message, Person owner, EntryRole role, Folder folder, Instant at) {
        this.message = Objects.requireNonNull(message);
        this.size = message.getSize();
        this.owner = Objects.requireNonNull(owner);
        this.role = role;
        this.folder = folder;
        this.filedAt = Objects.requireNonNull(at);
    }

    /** The draft was sent: the sender's entry moves to the sent folder. */
    void sent(Instant at) {
        if (role != EntryRole.SENDER || folder != Folder.DRAFTS) {
            throw new IllegalStateException(this + " is not a draft's");
        }
        folder = Folder.SENT;
        filedAt = at;
    }

    /** The draft was saved again: it goes to the top of the drafts, with its size now. */
    void touched(Instant at) {
        filedAt = at;
        size = message.getSize();
    }

    /** Files the entry in a system folder (not drafts, not the trash: those have their own ways in). */
    void moveTo(Folder target) {
        if (target == Folder.DRAFTS || target == Folder.TRASH || target == Folder.CUSTOM) {
            throw new IllegalArgumentException("moved by their own means: " + target);
        }
        requireFiled();
        if (target == Folder.SENT && role != EntryRole.SENDER || target == Folder.INBOX && role == EntryRole.SENDER) {
            throw new DomainException("mailbox.move.wrongFolder");
        }
        folder = target;
        folderId = null;
        trashedAt = null;
    }

    /** Files the entry in one of the owner's own folders. */
    void moveTo(MailFolder own) {
        requireFiled();
        if (!own.getOwner().getId().equals(owner.getId())) {
            throw new IllegalArgumentException(own + " is not " + owner + "'s");
        }
        folder = Folder.CUSTOM;
        folderId = own.getId();
        trashedAt = null;
    }

    private void requireFiled() {
        if (folder == Folder.DRAFTS) {
            throw new DomainException("mailbox.move.draft");
        }
    }

    /** Into the trash; emptied by the owner or, after the policy's days, by the weekly cleanup. */
    void trash(Instant at) {
        if (folder != Folder.TRASH) {
            folder = Folder.TRASH;
            folderId = null;
            trashedAt = at;
        }
    }

    /** Out of the trash, back where mail of its kind lives. */
    void restore() {
        if (folder == Folder.TRASH) {
            folder = role == EntryRole.SENDER ? (message.isSent() ? Folder.SENT : Folder.DRAFTS) : Folder.INBOX;
            trashedAt = null;
        }
    }

    /** Gone from the mailbox for good (its row stays for the sender's receipt until the mail itself is purged). */
    void remove(Instant at) {
        if (removedAt == null) {
            removedAt = at;
        }
    }

    void markSeen(boolean seen) {
        this.seen = seen;
    }

    void flag(boolean flagged) {
        this.flagged = flagged;
    }

    public boolean belongsTo(Person person) {
        return owner.getId().equals(person.getId());
    }

    public boolean isRemoved() {
        return removedAt != null;
    }

    public Long getId() {
        return id;
    }

    public MailMessage getMessage() {
        return message;
    }

    public Person getOwner() {
        return owner;
    }

    public EntryRole getRole() {
        return role;
    }

    public Folder getFolder() {
        return folder;
    }

    public Long getFolderId() {
        return folderId;
    }

    public boolean isSeen() {
        return seen;
    }

    public boolean isFlagged() {
        return flagged;
    }

    public Instant getOpenedAt() {
        return openedAt;
    }

    public Instant getTrashedAt() {
        return trashedAt;
    }

    public Instant getRemovedAt() {
        return removedAt;
    }

    public Instant getFiledAt() {
        return filedAt;
    }

    public long getSize() {
        return size;
    }

    @Override
    public String toString() {
        return "MailEntry#" + id;
    }
}
