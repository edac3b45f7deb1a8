package cn.edu.xietong.notification;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
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

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What one person is told about one object of a module (A2, B2), until and after they read it. The text is either a
 * message key with arguments (the pages render it in the reader's language) or a short text in both languages; the
 * subject (the object's own name) and the note (what someone wrote, such as a return's reason) are shown as written.
 */
@Entity
@Table(name = "notification")
@NamedQuery(name = Notification.OF_PERSON, query = "select n from Notification n where n.person.id = :person"
        + " order by n.createdAt desc, n.id desc")
@NamedQuery(name = Notification.UNREAD_OF, query = "select n from Notification n where n.person.id = :person"
        + " and n.readAt is null order by n.createdAt desc, n.id desc")
@NamedQuery(name = Notification.COUNT_UNREAD_OF, query = "select count(n) from Notification n"
        + " where n.person.id = :person and n.readAt is null")
@NamedQuery(name = Notification.READ_ALL_OF, query = "update Notification n set n.readAt = :now"
        + " where n.person.id = :person and n.readAt is null")
public class Notification {

    public static final String OF_PERSON = "Notification.ofPerson";
    public static final String UNREAD_OF = "Notification.unreadOf";
    public static final String COUNT_UNREAD_OF = "Notification.countUnreadOf";
    public static final String READ_ALL_OF = "Notification.readAllOf";

    public static final int MAX_SUBJECT = 200;
    public static final int MAX_NOTE = 2000;
    public static final int MAX_TEXT = 500;
    public static final int MAX_ARGUMENTS = 1000;
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Z_]{0,31}");

    @Id
    @SequenceGenerator(name = "notification_seq", sequenceName = "notification_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "notification_seq")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id", nullable = false)
    private Person person;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    private Module module;

    @Column(name = "object_id", nullable = false)
    private long objectId;

    @Column(nullable = false, length = 32)
    private String kind;

    @Column(length = MAX_SUBJECT)
    private String subject;

    @Column(name = "text_key", length = 100)
    private String textKey;

    /** The key's arguments, a JSON array of strings. */
    @Column(length = MAX_ARGUMENTS)
    private String arguments;

    @Column(name = "text_zh", length = MAX_TEXT)
    private String textZh;

    @Column(name = "text_en", length = MAX_TEXT)
    private String textEn;

    @Column(length = MAX_NOTE)
    private String note;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    /**
     * A notification for {@code person} about object {@code objectId} of {@code module}.
     *
     * @param kind    what happened, in the module's own words ({@code RETURNED}, {@code NEW_MAIL} …): capitals and _
     * @param subject the object's own name (a flow's title, a mail's subject), cut to {@value #MAX_SUBJECT}
     * @param text    what happened, as the reader will read it
     * @param note    what someone wrote with it (a reason, an urging note), or null; never cut
     */
    public Notification(Person person, Module module, long objectId, String kind, String subject,
                        NotificationText text, String note, Instant at) {
        if (!KIND.matcher(Objects.requireNonNull(kind)).matches()) {
            throw new IllegalArgumentException("a notification's kind is up to 32 capitals and underscores: " + kind);
        }
        this.person = Objects.requireNonNull(person);
        this.module = Objects.requireNonNull(module);
        this.objectId = objectId;
        this.kind = kind;
        this.subject = subject == null || subject.isBlank() ? null
                : subject.length() > MAX_SUBJECT ? subject.substring(0, MAX_SUBJECT - 1) + "…" : subject;
        this.textKey = text.key();
        this.arguments = text.key() == null ? null : NotificationText.json(text.arguments());
        if (arguments != null && arguments.length() > MAX_ARGUMENTS) {
            throw new IllegalArgumentException("a notification's arguments are at most " + MAX_ARGUMENTS + " characters");
        }
        this.textZh = text.zh();
        this.textEn = text.en();
        String quoted = note == null || note.isBlank() ? null : note.strip();
        if (quoted != null && quoted.length() > MAX_NOTE) {
            throw new IllegalArgumentException("a notification's note is at most " + MAX_NOTE + " characters, not cut");
        }
        this.note = quoted;
        this.createdAt = Objects.requireNonNull(at);
    }

    /** Marks it read, once: a second reading keeps the first time. */
    public void read(Instant at) {
        if (readAt == null) {
            readAt = at;
        }
    }

    public boolean isFor(Person reader) {
        return reader != null && person.getId().equals(reader.getId());
    }

    public NotificationText text() {
        return textKey != null ? NotificationText.key(textKey, NotificationText.parse(arguments))
                : NotificationText.of(textZh, textEn);
    }

    public Long getId() {
        return id;
    }

    public Person getPerson() {
        return person;
    }

    public Module getModule() {
        return module;
    }

    public long getObjectId() {
        return objectId;
    }

    public String getKind() {
        return kind;
    }

    public String getSubject() {
        return subject;
    }

    public List<String> getArguments() {
        return NotificationText.parse(arguments);
    }

    public String getNote() {
        return note;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getReadAt() {
        return readAt;
    }
}
