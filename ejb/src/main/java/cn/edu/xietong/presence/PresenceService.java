package cn.edu.xietong.presence;

import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.Person;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.time.Duration;
import java.time.Instant;

/** Records activity and tells who is online (B1). */
@Stateless
@RolesAllowed("STAFF")
public class PresenceService {

    /** Active within this long counts as online. */
    public static final Duration ONLINE_WINDOW = Duration.ofMinutes(5);

    @EJB
    private DirectoryService directory;

    /** The caller is active now. */
    public void seen() {
        directory.me().seenAt(Instant.now());
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
