package cn.edu.xietong.presence;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.HashSet;
import java.util.Set;

/** Records activity, tells who is online and keeps each day's half-hours of presence for the daily report (B1). */
@Stateless
@RolesAllowed("STAFF")
public class PresenceTracker {

    /** Active within this long counts as online. */
    public static final Duration ONLINE_WINDOW = LastSeen.ONLINE_WINDOW;

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    /** The caller is active now: online, and present in this half-hour of the day. */
    public void seen() {
        Person me = directory.me();
        Instant now = clock.now();
        LastSeen.record(em, me, now);
        ZonedDateTime local = now.atZone(Campus.zone());
        PresenceDay.Key key = new PresenceDay.Key(me.getId(), local.toLocalDate());
        PresenceDay day = em.find(PresenceDay.class, key, LockModeType.PESSIMISTIC_WRITE);
        if (day == null) {
            day = new PresenceDay(me.getId(), local.toLocalDate());
            em.persist(day);
        }
        day.activeAt(local.getHour() * 60 + local.getMinute());
    }

    /** The caller logged out: offline at once. */
    public void left() {
        LastSeen.record(em, directory.me(), null);
    }

    /** When the person was last active; {@code null} if never, or not since they logged out. */
    public Instant lastSeen(Person person) {
        return LastSeen.of(em, person);
    }

    /** The ids of the people active within the last five minutes (and not logged out since): one query for a page. */
    public Set<Long> onlineNow() {
        return new HashSet<>(em.createNamedQuery(LastSeen.SEEN_SINCE, Long.class)
                .setParameter("since", clock.now().minus(ONLINE_WINDOW)).getResultList());
    }
}
