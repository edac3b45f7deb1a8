package cn.edu.xietong.security;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.Instant;
import java.util.Objects;

/**
 * A person's sessions as a whole (S2, S3; ASVS 3.3): when they last logged in, which login is the newest, and the
 * count of changes that ended all their sessions, with the last one's reason. {@link SessionGate} reads it at every
 * request. Made at a person's first login, or by the first change that ends their sessions; a person without one has
 * never logged in since it began to be kept.
 */
@Entity
@Table(name = "session_record")
@NamedQuery(name = SessionRecord.IN_UNITS, query = "select s from SessionRecord s where s.person.unit.id in :units")
public class SessionRecord {

    static final String IN_UNITS = "SessionRecord.inUnits";

    @Id
    @Column(name = "person_id")
    private Long personId;

    @MapsId
    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "person_id")
    private Person person;

    @Column(name = "last_login_at")
    private Instant lastLoginAt;

    /** Names the newest login's session (S3: with one session per account, older sessions end). */
    @Column(name = "session_marker", length = 64)
    private String sessionMarker;

    /**
     * Counts the changes that ended all of the person's sessions (S2, S3): a session is good only while the count it
     * began with is still the person's. Kept in the database, so every server of a cluster sees it.
     */
    @Column(name = "session_epoch", nullable = false)
    private long sessionEpoch;

    /** Why the person's sessions last ended, for the login page to say. */
    @Enumerated(EnumType.STRING)
    @Column(name = "sessions_ended_by", length = 32)
    private SessionEnd sessionsEndedBy;

    @Version
    private long version;

    protected SessionRecord() {
    }

    SessionRecord(Person person) {
        this.person = Objects.requireNonNull(person, "person");
    }

    /** The person's record, made when they have none yet. */
    public static SessionRecord of(EntityManager em, Person person) {
        SessionRecord found = em.find(SessionRecord.class, person.getId());
        if (found == null) {
            found = new SessionRecord(person);
            em.persist(found);
        }
        return found;
    }

    /** Ends every session the person has (see {@link #endSessions(SessionEnd)}). */
    public static void endSessions(EntityManager em, Person person, SessionEnd why) {
        of(em, person).endSessions(why);
    }

    /** A login succeeded; {@code sessionMarker} names its session from now on. */
    public void loggedIn(Instant at, String sessionMarker) {
        lastLoginAt = at;
        this.sessionMarker = sessionMarker;
    }

    /** Ends every session the person has: each ends at its next request, on whichever server it is (S2, S3). */
    public void endSessions(SessionEnd why) {
        sessionEpoch++;
        sessionsEndedBy = Objects.requireNonNull(why, "why");
    }

    /** The count a new session begins with; an older session whose count differs has ended. */
    public long getSessionEpoch() {
        return sessionEpoch;
    }

    /** Why the person's sessions last ended; {@code null} if they never were. */
    public SessionEnd getSessionsEndedBy() {
        return sessionsEndedBy;
    }

    /** When the person last logged in; {@code null} if never. */
    public Instant getLastLoginAt() {
        return lastLoginAt;
    }

    public String getSessionMarker() {
        return sessionMarker;
    }

    public Person getPerson() {
        return person;
    }
}
