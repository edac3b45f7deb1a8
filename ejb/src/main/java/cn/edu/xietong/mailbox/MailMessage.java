package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.RichText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.eclipse.persistence.annotations.BatchFetch;
import org.eclipse.persistence.annotations.BatchFetchType;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A mail, stored once however many receive it (A4): subject, sanitised body, the addresses as written and the
 * attachments by stored-file uid. A draft until sent, then fixed: only its recall ({@link #recall}) changes it.
 */
@Entity
@Table(name = "mail_message")
public class MailMessage {

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_ADDRESSES = 200;
    public static final int MAX_ATTACHMENTS = 20;

    @Id
    @SequenceGenerator(name = "mail_message_seq", sequenceName = "mail_message_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_message_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "sender_id", nullable = false, updatable = false)
    private Person sender;

    @Column(nullable = false, length = MAX_SUBJECT)
    private String subject = "";

    @Column(name = "body_html", nullable = false, length = RichText.MAX_HTML)
    private String bodyHtml = "";

    @Column(name = "body_text", nullable = false, length = RichText.MAX_HTML)
    private String bodyText = "";

    @Column(name = "size_bytes", nullable = false)
    private long size;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "recalled_at")
    private Instant recalledAt;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reply_to_id")
    private MailMessage replyTo;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "forward_of_id")
    private MailMessage forwardOf;

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "mail_address", joinColumns = @JoinColumn(name = "message_id"))
    @OrderColumn(name = "position")
    private List<MailAddress> addresses = new ArrayList<>();

    @ElementCollection(fetch = FetchType.LAZY)
    @BatchFetch(BatchFetchType.IN)
    @CollectionTable(name = "mail_attachment", joinColumns = @JoinColumn(name = "message_id"))
    @OrderColumn(name = "position")
    private List<AttachedFile> attachments = new ArrayList<>();

    @Version
    private long version;

    protected MailMessage() {
    }

    /** A new draft of the sender's. */
    public MailMessage(Person sender, Instant at) {
        this.sender = Objects.requireNonNull(sender);
        this.createdAt = Objects.requireNonNull(at);
        this.updatedAt = at;
    }

    /**
     * Replaces the draft's content; refused once sent. Nothing is cut: a subject or body over its limit, too many
     * addresses or attachments are refused with their message key.
     */
    public void write(String subject, RichText body, List<MailAddress> addresses, List<AttachedFile> attachments,
                      Instant at) {
        requireDraft();
        String s = subject == null ? "" : subject.strip();
        if (s.length() > MAX_SUBJECT) {
            throw new DomainException("mailbox.subjectTooLong", MAX_SUBJECT);
        }
        if (body.html().length() > RichText.MAX_HTML) {
            throw new DomainException("mailbox.bodyTooLong");
        }
        if (addresses.size() > MAX_ADDRESSES) {
            throw new DomainException("mailbox.tooManyAddresses", MAX_ADDRESSES);
        }
        if (attachments.size() > MAX_ATTACHMENTS) {
            throw new DomainException("mailbox.tooManyAttachments", MAX_ATTACHMENTS);
        }
        this.subject = s;
        this.bodyHtml = body.html();
        this.bodyText = body.text();
        this.addresses = new ArrayList<>(addresses);
        this.attachments = new ArrayList<>(attachments);
        this.size = body.size() + attachments.stream().mapToLong(AttachedFile::getSize).sum();
        this.updatedAt = Objects.requireNonNull(at);
    }

    /** Marks what the draft answers or forwards. */
    public void refersTo(MailMessage replyTo, MailMessage forwardOf) {
        requireDraft();
        this.replyTo = replyTo;
        this.forwardOf = forwardOf;
    }

    /** The draft leaves: sent at {@code at}, fixed from now on. */
    public void send(Instant at) {
        requireDraft();
        if (addresses.isEmpty()) {
            throw new DomainException("mailbox.noRecipients");
        }
        this.sentAt = Objects.requireNonNull(at);
        this.updatedAt = at;
    }

    /** The sender takes the mail back (撤回); the caller has made sure that no recipient opened it. */
    public void recall(Instant at) {
        if (!isSent()) {
            throw new DomainException("mailbox.recall.notSent");
        }
        if (recalledAt != null) {
            throw new DomainException("mailbox.recall.already");
        }
        this.recalledAt = Objects.requireNonNull(at);
    }

    private void requireDraft() {
        if (isSent()) {
            throw new DomainException("mailbox.alreadySent");
        }
    }

    public boolean isSent() {
        return sentAt != null;
    }

    public boolean isRecalled() {
        return recalledAt != null;
    }

    /** The addresses a recipient sees: blind copies are the sender's alone. */
    public List<MailAddress> visibleAddresses(boolean toSender) {
        return addresses.stream().filter(a -> toSender || a.getKind() != AddressKind.BCC).toList();
    }

    public Long getId() {
        return id;
    }

    public Person getSender() {
        return sender;
    }

    public String getSubject() {
        return subject;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public long getSize() {
        return size;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getRecalledAt() {
        return recalledAt;
    }

    public MailMessage getReplyTo() {
        return replyTo;
    }

    public MailMessage getForwardOf() {
        return forwardOf;
    }

    public List<MailAddress> getAddresses() {
        return List.copyOf(addresses);
    }

    public List<AttachedFile> getAttachments() {
        return List.copyOf(attachments);
    }

    @Override
    public String toString() {
        return "MailMessage#" + id;
    }
}
