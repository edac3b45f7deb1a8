package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.DomainException;
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
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An item to publish (B4): its category and publishing unit, who wrote it, its audience, when it shows (publish and
 * expiry moments, pinned, must-read by a date), and its state. Its text lives in its {@link NoticeVersion}s: the
 * published one is what its audience reads; a newer one may be in review meanwhile. Nothing of it is read before its
 * first version is approved.
 */
@Entity
@Table(name = "notice")
@NamedQuery(name = Notice.PUBLISHED, query = "select n from Notice n join fetch n.publishedVersion"
        + " where n.state = :published and (n.publishAt is null or n.publishAt <= :now)"
        + " and (n.expireAt is null or n.expireAt > :now) order by n.pinned desc, n.publishedAt desc, n.id desc")
@NamedQuery(name = Notice.BY_AUTHOR, query = "select n from Notice n where n.author.id = :author"
        + " order by n.updatedAt desc, n.id desc")
public class Notice {

    public static final String PUBLISHED = "Notice.published";
    public static final String BY_AUTHOR = "Notice.byAuthor";
    public static final int MAX_AUDIENCE = 100;

    @Id
    @SequenceGenerator(name = "notice_seq", sequenceName = "notice_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notice_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "category_id", nullable = false, updatable = false)
    private NoticeCategory category;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "unit_id", nullable = false, updatable = false)
    private Unit unit;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "author_id", nullable = false, updatable = false)
    private Person author;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private NoticeState state = NoticeState.DRAFT;

    @Column(nullable = false, length = NoticeVersion.MAX_TITLE)
    private String title = "";

    @Column(nullable = false)
    private boolean pinned;

    @Column(name = "must_read", nullable = false)
    private boolean mustRead;

    @Column(name = "read_by")
    private LocalDate readBy;

    @Column(name = "publish_at")
    private Instant publishAt;

    @Column(name = "expire_at")
    private Instant expireAt;

    @OneToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "published_version_id")
    private NoticeVersion publishedVersion;

    @Column(name = "published_at")
    private Instant publishedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "notice_audience", joinColumns = @JoinColumn(name = "notice_id"))
    @OrderColumn(name = "position")
    private List<Audience> audience = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Notice() {
    }

    public Notice(NoticeCategory category, Unit unit, Person author, Instant at) {
        this.category = Objects.requireNonNull(category);
        this.unit = Objects.requireNonNull(unit);
        this.author = Objects.requireNonNull(author);
        this.createdAt = Objects.requireNonNull(at);
        this.updatedAt = at;
    }

    /**
     * How the item shows: its audience (at least one part), publish and expiry moments (expiry after publication),
     * pinned, must-read and by when. Refused while its version is in review, as its text is.
     */
    void settle(List<Audience> audience, Instant publishAt, Instant expireAt, boolean pinned, boolean mustRead,
                LocalDate readBy, Instant at) {
        if (audience.isEmpty()) {
            throw new DomainException("notice.noAudience");
        }
        if (audience.size() > MAX_AUDIENCE) {
            throw new DomainException("notice.tooManyAudiences", MAX_AUDIENCE);
        }
        if (publishAt != null && expireAt != null && !expireAt.isAfter(publishAt)) {
            throw new DomainException("notice.expiresBeforePublished");
        }
        if (mustRead && readBy == null) {
            throw new DomainException("notice.readByRequired");
        }
        this.audience = new ArrayList<>(audience.stream().distinct().toList());
        this.publishAt = publishAt;
        this.expireAt = expireAt;
        this.pinned = pinned;
        this.mustRead = mustRead;
        this.readBy = mustRead ? readBy : null;
        this.updatedAt = Objects.requireNonNull(at);
    }

    /** The version submitted for approval: the item is in review unless an earlier version is already published. */
    void submitted(NoticeVersion version, long instanceId, Instant at) {
        version.submitted(instanceId);
        if (state != NoticeState.PUBLISHED) {
            state = NoticeState.IN_REVIEW;
        }
        updatedAt = at;
    }

    /** Its approval flow approved the version: it is what the audience reads from now on (B4). */
    void approved(NoticeVersion version, Instant at) {
        if (publishedVersion != null) {
            publishedVersion.superseded();
        }
        version.approved(at);
        publishedVersion = version;
        title = version.getTitle();
        state = NoticeState.PUBLISHED;
        publishedAt = at;
        updatedAt = at;
    }

    /** Its approval flow rejected the version: never published if it was the first, else the published one stays. */
    void rejected(NoticeVersion version, Instant at) {
        version.rejected(at);
        if (state != NoticeState.PUBLISHED) {
            state = NoticeState.REJECTED;
        }
        updatedAt = at;
    }

    /** Returned to its writer or withdrawn in its flow: the version is to be revised. */
    void sentBack(NoticeVersion version, Instant at) {
        version.sentBack();
        if (state != NoticeState.PUBLISHED) {
            state = NoticeState.DRAFT;
        }
        updatedAt = at;
    }

    /** Its publisher takes a published item down: its audience no longer reads it; its versions stay. */
    void withdraw(Instant at) {
        if (state != NoticeState.PUBLISHED) {
            throw new DomainException("notice.notPublished");
        }
        state = NoticeState.WITHDRAWN;
        updatedAt = at;
    }

    public boolean isVisibleAt(Instant now) {
        return state == NoticeState.PUBLISHED && (publishAt == null || !publishAt.isAfter(now))
                && (expireAt == null || expireAt.isAfter(now));
    }

    public boolean isBy(Person person) {
        return author.getId().equals(person.getId());
    }

    public Long getId() {
        return id;
    }

    public NoticeCategory getCategory() {
        return category;
    }

    public Unit getUnit() {
        return unit;
    }

    public Person getAuthor() {
        return author;
    }

    public NoticeState getState() {
        return state;
    }

    public String getTitle() {
        return title;
    }

    public boolean isPinned() {
        return pinned;
    }

    public boolean isMustRead() {
        return mustRead;
    }

    public LocalDate getReadBy() {
        return readBy;
    }

    public Instant getPublishAt() {
        return publishAt;
    }

    public Instant getExpireAt() {
        return expireAt;
    }

    public NoticeVersion getPublishedVersion() {
        return publishedVersion;
    }

    public Instant getPublishedAt() {
        return publishedAt;
    }

    public List<Audience> getAudience() {
        return List.copyOf(audience);
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }
}
