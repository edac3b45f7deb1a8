package cn.edu.xietong.chat;

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
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * A conversation (A4): between two people (one per pair, found again by {@link #directKey}) or a named group. Knows
 * its last message, for the list's order and preview.
 */
@Entity
@Table(name = "chat_conversation")
public class Conversation {

    public static final int MAX_TITLE = 60;
    public static final int MAX_MEMBERS = 200;

    @Id
    @SequenceGenerator(name = "chat_conversation_seq", sequenceName = "chat_conversation_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "chat_conversation_seq")
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8, updatable = false)
    private ConversationKind kind;

    @Column(length = MAX_TITLE)
    private String title;

    @Column(name = "direct_key", length = 64, updatable = false)
    private String directKey;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "created_by", nullable = false, updatable = false)
    private Person createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "last_message_id", nullable = false)
    private long lastMessageId;

    @Column(name = "last_message_at")
    private Instant lastMessageAt;

    @Version
    private long version;

    protected Conversation() {
    }

    /** The conversation of two people. */
    static Conversation direct(Person creator, Person other, Instant at) {
        if (creator.getId().equals(other.getId())) {
            throw new DomainException("chat.withSelf");
        }
        Conversation c = new Conversation(ConversationKind.DIRECT, creator, at);
        c.directKey = directKey(creator.getId(), other.getId());
        return c;
    }

    /** A named group. */
    static Conversation group(Person creator, String title, Instant at) {
        Conversation c = new Conversation(ConversationKind.GROUP, creator, at);
        c.rename(title);
        return c;
    }

    private Conversation(ConversationKind kind, Person creator, Instant at) {
        this.kind = kind;
        this.createdBy = Objects.requireNonNull(creator);
        this.createdAt = Objects.requireNonNull(at);
    }

    /** The key of the pair's conversation, whoever began it. */
    static String directKey(long a, long b) {
        return Math.min(a, b) + ":" + Math.max(a, b);
    }

    void rename(String title) {
        if (kind != ConversationKind.GROUP) {
            throw new DomainException("chat.directHasNoTitle");
        }
        String t = title == null ? "" : title.strip();
        if (t.isEmpty() || t.length() > MAX_TITLE) {
            throw new DomainException("chat.badTitle", MAX_TITLE);
        }
        this.title = t;
    }

    void received(ChatMessage message) {
        if (message.getId() > lastMessageId) {
            lastMessageId = message.getId();
        }
        lastMessageAt = message.getSentAt();
    }

    public Long getId() {
        return id;
    }

    public ConversationKind getKind() {
        return kind;
    }

    public String getTitle() {
        return title;
    }

    public Person getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public long getLastMessageId() {
        return lastMessageId;
    }

    public Instant getLastMessageAt() {
        return lastMessageAt;
    }
}
