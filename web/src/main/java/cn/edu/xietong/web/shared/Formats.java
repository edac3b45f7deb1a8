package cn.edu.xietong.web.shared;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.presence.PresenceTracker;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.web.i18n.LanguageView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/**
 * Formatting the pages share: moments in the campus time zone, in the page language's own pattern (2026年11月25日 09:30,
 * Nov 25, 2026, 9:30 AM), as form values and the approval sheet write dates ({@code ValueText}).
 */
@Named
@RequestScoped
public class Formats {

    @Inject
    private LanguageView language;

    @EJB
    private OfficeClock clock;

    /** Whether the person is online now (B1). */
    public boolean online(Person person) {
        return person != null && PresenceTracker.online(person, clock.now());
    }

    /** {@code 2026年11月25日} in the campus time zone; empty for no moment. */
    public String date(Instant moment) {
        return moment == null ? "" : DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
                .withLocale(language.getLocale()).withZone(Campus.zone()).format(moment);
    }

    /** {@code 09:30} in the campus time zone; empty for no moment. */
    public String time(Instant moment) {
        return moment == null ? "" : DateTimeFormatter.ofPattern("HH:mm").withZone(Campus.zone()).format(moment);
    }

    /** {@code 2026年11月25日 09:30} in the campus time zone; empty for no moment. */
    public String dateTime(Instant moment) {
        return moment == null ? "" : DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(language.getLocale()).withZone(Campus.zone()).format(moment);
    }
}
