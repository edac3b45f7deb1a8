package cn.edu.xietong.web.shared;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.presence.PresenceService;
import cn.edu.xietong.shared.Campus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/** Formatting the pages share: moments are shown in the campus time zone. */
@Named
@ApplicationScoped
public class Formats {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Campus.zone());

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(Campus.zone());

    /** Whether the person is online now (B1). */
    public boolean online(Person person) {
        return person != null && PresenceService.online(person, Instant.now());
    }

    /** {@code 2026-11-25} in the campus time zone; empty for no moment. */
    public String date(Instant moment) {
        return moment == null ? "" : DATE.format(moment);
    }

    /** {@code 2026-11-25 09:30:00} in the campus time zone; empty for no moment. */
    public String dateTime(Instant moment) {
        return moment == null ? "" : DATE_TIME.format(moment);
    }
}
