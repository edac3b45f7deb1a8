package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.AttachedFile;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.RichText;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
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
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One version of an item (B4): its title and sanitised text, who wrote it, and its way through approval — written,
 * in review (with its flow instance), approved (published, until a later version supersedes it) or rejected. Kept for
 * good: earlier versions stay viewable.
 */
@Entity
@Table(name = "notice_version")
@NamedQuery(name = NoticeVersion.OF_INSTANCE, query = "select v from NoticeVersion v join fetch v.notice"
        + " where v.instanceId = :instance")
@NamedQuery(name = NoticeVersion.OF_NOTICE, query = "select v from NoticeVersion v where v.notice.id = :notice"
        + " order by v.number")
public class NoticeVersion {

    public static final String OF_INSTANCE = "NoticeVersion.ofInstance";
    public static final String OF_NOTICE = "NoticeVersion.ofNotice";
    public static final int MAX_TITLE = 200;
    public static final int MAX_ATTACHMENTS = 20;

    /** Where a version stands. */
    public enum State {
        DRAFT, IN_REVIEW, APPROVED, REJECTED, SUPERSEDED
    }

    @Id
    @SequenceGenerator(name = "notice_version_seq", sequenceName = "notice_version_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_version_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "notice_id", nullable = false, updatable = false)
    private Notice notice;

    @Column(nullable = false, updatable = false)
    private int number;

    @Column(nullable = false, length = MAX_TITLE)
    private String title;

    @Column(name = "body_html", nullable = false, length = RichText.MAX_HTML)
    private String bodyHtml;

    @Column(name = "body_text", nullable = false, length = RichText.MAX_HTML)
    private String bodyText;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Person author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state = State.DRAFT;

    @Column(name = "instance_id")
    private Long instanceId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "decided_at")
    private Instant decidedAt;

    @ElementCollection
    @CollectionTable(name = "notice_attachment", joinColumns = @JoinColumn(name = "version_id"))
    @OrderColumn(name = "position")
    private List<AttachedFile> attachments = new ArrayList<>();

    protected NoticeVersion() {
    }

    NoticeVersion(Notice notice, int number, Person author, Instant at) {
        this.notice = Objects.requireNonNull(notice);
        this.number = number;
        this.author = Objects.requireNonNull(author);
        this.createdAt = Objects.requireNonNull(at);
        this.title = "";
        this.bodyHtml = "";
        this.bodyText = "";
    }

    /** New content while the version is being written; nothing is cut. */
    void write(String title, RichText body) {
        if (state != State.DRAFT) {
            throw new DomainException("notice.notEditable");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw new DomainException("notice.badTitle", MAX_TITLE);
        }
        if (body.isEmpty()) {
            throw new DomainException("notice.emptyBody");
        }
        this.title = t;
        this.bodyHtml = body.html();
        this.bodyText = body.text();
    }

    /** The files attached, while the version is being written; at most {@link #MAX_ATTACHMENTS}. */
    void attach(List<AttachedFile> files) {
        if (state != State.DRAFT) {
            throw new DomainException("notice.notEditable");
        }
        if (files.size() > MAX_ATTACHMENTS) {
            throw new DomainException("notice.tooManyFiles", MAX_ATTACHMENTS);
        }
        attachments.clear();
        attachments.addAll(files.stream().distinct().toList());
    }

    public List<AttachedFile> getAttachments() {
        return List.copyOf(attachments);
    }

    /** Whether a stored file is attached to this version. */
    public boolean holds(String fileUid) {
        return attachments.stream().anyMatch(a -> a.getFileUid().equals(fileUid));
    }

    void submitted(long instanceId) {
        if (state != State.DRAFT) {
            throw new DomainException("notice.notEditable");
        }
        this.state = State.IN_REVIEW;
        this.instanceId = instanceId;
    }

    void approved(Instant at) {
        state = State.APPROVED;
        decidedAt = at;
    }

    void rejected(Instant at) {
        state = State.REJECTED;
        decidedAt = at;
    }

    /** Returned or withdrawn in its flow: to be revised and submitted again (in the same flow instance). */
    void sentBack() {
        state = State.DRAFT;
    }

    void superseded() {
        state = State.SUPERSEDED;
    }

    public Long getId() {
        return id;
    }

    public Notice getNotice() {
        return notice;
    }

    public int getNumber() {
        return number;
    }

    public String getTitle() {
        return title;
    }

    public String getBodyHtml() {
        return bodyHtml;
    }

    public String getBodyText() {
        return bodyText;
    }

    public Person getAuthor() {
        return author;
    }

    public State getState() {
        return state;
    }

    public Long getInstanceId() {
        return instanceId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDecidedAt() {
        return decidedAt;
    }
}
