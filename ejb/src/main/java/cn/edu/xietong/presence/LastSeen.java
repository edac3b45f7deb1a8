package cn.edu.xietong.presence;

import cn.edu.xietong.directory.Person;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/**
 * When a person was last active (B1): set at login and at most once a minute while they use the pages, cleared at
 * logout. Made at the person's first login; a person without one has not been seen. Kept apart from the person's
 * record, so that being seen never collides with a change to it.
 */
@Entity
@Table(name = "last_seen")
@NamedQuery(name = LastSeen.SEEN_SINCE, query = "select s.personId from LastSeen s where s.seenAt > :since")
public class LastSeen {

    /** Active within this long counts as online. */
    public static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);

    static final String SEEN_SINCE = "LastSeen.seenSince";

    @Id
    @Column(name = "person_id")
    private Long personId;

    @Column(name = "seen_at")
    private Instant seenAt;

    protected LastSeen() {
    }

    LastSeen(long personId) {
        this.personId = personId;
    }

    /** The person was active at {@code at}, or logged out ({@code null}): offline at once. */
    public static void record(EntityManager em, Person person, Instant at) {
        LastSeen seen = em.find(LastSeen.class, person.getId());
        if (seen == null) {
            if (at == null) {
                return;
            }
            seen = new LastSeen(person.getId());
            em.persist(seen);
        }
        seen.seenAt(at);
    }

    /** When the person was last active; {@code null} if never, or not since they logged out. */
    public static Instant of(EntityManager em, Person person) {
        LastSeen seen = person.getId() == null ? null : em.find(LastSeen.class, person.getId());
        return seen == null ? null : seen.getSeenAt();
    }

    /** Last activity (B1); {@code null} after a logout. */
    void seenAt(Instant at) {
        seenAt = at;
    }

    /** Whether active within the last five minutes (and not logged out since). */
    public boolean onlineAt(Instant now) {
        return online(seenAt, now);
    }

    /** Whether a person last seen at {@code seenAt} ({@code null}: not since their logout) is online {@code now}. */
    public static boolean online(Instant seenAt, Instant now) {
        return seenAt != null && seenAt.isAfter(now.minus(ONLINE_WINDOW));
    }

    public Long getPersonId() {
        return personId;
    }

    public Instant getSeenAt() {
        return seenAt;
    }
}
