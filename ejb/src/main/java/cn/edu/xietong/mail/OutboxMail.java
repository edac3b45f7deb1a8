package cn.edu.xietong.mail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One e-mail in the durable outbox (C2), stored in the transaction of the notification it carries. Its text is made
 * only by {@link NotificationMail} (the object's name and a link, S4). A sender claims it with a conditional update
 * ({@link #CLAIM}: only a due PENDING row, or a SENDING row whose lease has run out, and only one sender wins), hands
 * it to SMTP outside any transaction and records the outcome under its claim token. Its Message-ID is fixed when the
 * row is made, so a mail sent twice (a server died after SMTP took it and before the outcome was recorded) carries
 * the same Message-ID both times and receivers can drop the second.
 */
@Entity
@Table(name = "mail_outbox")
@NamedQuery(name = OutboxMail.DUE, query = "select m.id from OutboxMail m where (m.state = :pending"
        + " and m.nextAttemptAt <= :now) or (m.state = :sending and m.claimedUntil < :wallClock)"
        + " order by m.nextAttemptAt, m.id")
@NamedQuery(name = OutboxMail.CLAIM, query = "update OutboxMail m set m.state = :sending, m.claimedBy = :token,"
        + " m.claimedUntil = :until, m.attempts = m.attempts + 1, m.lastAttemptAt = :now, m.version = m.version + 1"
        + " where m.id = :id and ((m.state = :pending and m.nextAttemptAt <= :now)"
        + " or (m.state = :sending and m.claimedUntil < :wallClock))")
@NamedQuery(name = OutboxMail.HELD_PEOPLE, query = "select distinct m.personId from OutboxMail m"
        + " where m.state = :held and m.createdAt < :before")
@NamedQuery(name = OutboxMail.HELD_OF, query = "select m from OutboxMail m where m.personId = :person"
        + " and m.state = :held and m.createdAt < :before order by m.createdAt, m.id")
@NamedQuery(name = OutboxMail.GATHER, query = "update OutboxMail m set m.state = :digested, m.digestId = :digest,"
        + " m.version = m.version + 1 where m.id in :ids and m.state = :held")
@NamedQuery(name = OutboxMail.COUNT_BY_STATE, query = "select m.state, count(m) from OutboxMail m group by m.state")
@NamedQuery(name = OutboxMail.NEWEST, query = "select m from OutboxMail m order by m.createdAt desc, m.id desc")
@NamedQuery(name = OutboxMail.NEWEST_IN, query = "select m from OutboxMail m where m.state = :state"
        + " order by m.createdAt desc, m.id desc")
@NamedQuery(name = OutboxMail.OF_NOTIFICATION, query = "select m from OutboxMail m"
        + " where m.notificationId = :notification")
public class OutboxMail {

    public static final String DUE = "OutboxMail.due";
    public static final String CLAIM = "OutboxMail.claim";
    public static final String HELD_PEOPLE = "OutboxMail.heldPeople";
    public static final String HELD_OF = "OutboxMail.heldOf";
    public static final String GATHER = "OutboxMail.gather";
    public static final String COUNT_BY_STATE = "OutboxMail.countByState";
    public static final String NEWEST = "OutboxMail.newest";
    public static final String NEWEST_IN = "OutboxMail.newestIn";
    public static final String OF_NOTIFICATION = "OutboxMail.ofNotification";

    /** The kind of a digest mail. */
    public static final String DIGEST = "DIGEST";

    static final int MAX_SUBJECT = 300;
    static final int MAX_BODY = 8000;
    private static final int MAX_ERROR = 1000;

    @Id
    @SequenceGenerator(name = "mail_outbox_seq", sequenceName = "mail_outbox_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "mail_outbox_seq")
    private Long id;

    @Column(name = "person_id")
    private Long personId;

    @Column(nullable = false, length = 64)
    private String kind;

    @Column(name = "notification_id")
    private Long notificationId;

    @Column(nullable = false, length = 254)
    private String recipient;

    @Column(nullable = false, length = MAX_SUBJECT)
    private String subject;

    @Column(nullable = false, length = MAX_BODY)
    private String body;

    @Column(name = "message_id", nullable = false, length = 200, updatable = false)
    private String messageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private OutboxState state;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "claimed_by", length = 64)
    private String claimedBy;

    @Column(name = "claimed_until")
    private Instant claimedUntil;

    @Column(name = "last_error", length = MAX_ERROR)
    private String lastError;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "digest_id")
    private Long digestId;

    @Version
    private long version;

    protected OutboxMail() {
    }

    /** A mail composed by {@link NotificationMail}: to be sent at once ({@code PENDING}) or held for the digest. */
    OutboxMail(Long personId, String kind, Long notificationId, String recipient, NotificationMail.Text text,
               boolean held, Instant at) {
        this.personId = personId;
        this.kind = Objects.requireNonNull(kind);
        this.notificationId = notificationId;
        this.recipient = Objects.requireNonNull(recipient);
        this.subject = cut(text.subject(), MAX_SUBJECT);
        this.body = cut(text.body(), MAX_BODY);
        this.messageId = "<" + UUID.randomUUID() + ".outbox@xietong>";
        this.state = held ? OutboxState.HELD : OutboxState.PENDING;
        this.createdAt = Objects.requireNonNull(at);
        this.nextAttemptAt = at;
    }

    /** The SMTP server took it (recorded by the sender that holds the claim). */
    boolean sent(String token, Instant at) {
        if (!claimedWith(token)) {
            return false;
        }
        state = OutboxState.SENT;
        sentAt = at;
        claimedUntil = null;
        lastError = null;
        return true;
    }

    /**
     * The attempt failed: tried again the back-off's pause after the attempt began, or FAILED when the attempts are
     * used up.
     */
    boolean failed(String token, String error, Instant at, Backoff backoff) {
        if (!claimedWith(token)) {
            return false;
        }
        lastError = cut(error, MAX_ERROR);
        claimedUntil = null;
        if (backoff.exhausted(attempts)) {
            state = OutboxState.FAILED;
        } else {
            state = OutboxState.PENDING;
            nextAttemptAt = (lastAttemptAt == null ? at : lastAttemptAt).plus(backoff.pauseAfter(attempts));
        }
        return true;
    }

    /**
     * An administrator has it tried at once: a PENDING mail is due now, a FAILED one starts a fresh set of attempts.
     *
     * @return false if it is not waiting or failed (held, in flight, sent or cancelled)
     */
    boolean retryNow(Instant at) {
        if (state != OutboxState.PENDING && state != OutboxState.FAILED) {
            return false;
        }
        if (state == OutboxState.FAILED) {
            attempts = 0;
        }
        state = OutboxState.PENDING;
        nextAttemptAt = at;
        return true;
    }

    /** An administrator stops it; only a mail not yet sent and not in flight. */
    boolean cancel() {
        if (state != OutboxState.PENDING && state != OutboxState.FAILED && state != OutboxState.HELD) {
            return false;
        }
        state = OutboxState.CANCELLED;
        return true;
    }

    private boolean claimedWith(String token) {
        return state == OutboxState.SENDING && token.equals(claimedBy);
    }

    private static String cut(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }

    public Long getId() {
        return id;
    }

    public Long getPersonId() {
        return personId;
    }

    public String getKind() {
        return kind;
    }

    public Long getNotificationId() {
        return notificationId;
    }

    public String getRecipient() {
        return recipient;
    }

    public String getSubject() {
        return subject;
    }

    public String getBody() {
        return body;
    }

    public String getMessageId() {
        return messageId;
    }

    public OutboxState getState() {
        return state;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getNextAttemptAt() {
        return nextAttemptAt;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public String getClaimedBy() {
        return claimedBy;
    }

    public String getLastError() {
        return lastError;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Long getDigestId() {
        return digestId;
    }
}
