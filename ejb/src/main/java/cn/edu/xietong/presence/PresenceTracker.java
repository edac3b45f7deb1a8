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

/** Records activity, tells who is online and keeps each day's half-hours of presence for the daily report (B1). */
@Stateless
@RolesAllowed("STAFF")
public class PresenceTracker {

    /** Active within this long counts as online. */
    public static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);

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
        me.seenAt(now);
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
        directory.me().seenAt(null);
    }

    /** Whether the person was active within the last five minutes (and has not logged out since). */
    public static boolean online(Person person, Instant now) {
        return person.getLastSeenAt() != null && person.getLastSeenAt().isAfter(now.minus(ONLINE_WINDOW));
    }
}
