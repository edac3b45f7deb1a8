package cn.edu.xietong.web.shared;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.presence.PresenceTracker;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.web.i18n.LanguageView;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Set;

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
    private PresenceTracker presence;

    /** Who is online now, asked once for the request. */
    private Set<Long> online;

    /** The request's formats, made once for its language (a page formats hundreds of moments). */
    private DateTimeFormatter dateFormat;
    private DateTimeFormatter dateTimeFormat;

    /** Whether the person is online now (B1). */
    public boolean online(Person person) {
        if (person == null) {
            return false;
        }
        if (online == null) {
            online = presence.onlineNow();
        }
        return online.contains(person.getId());
    }

    /** When the person was last active (B1); {@code null} if never, or not since they logged out. */
    public Instant lastSeen(Person person) {
        return person == null ? null : presence.lastSeen(person);
    }

    /** {@code 2026年11月25日} in the campus time zone; empty for no moment. */
    public String date(Instant moment) {
        if (moment == null) {
            return "";
        }
        if (dateFormat == null) {
            dateFormat = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(language.getLocale())
                    .withZone(Campus.zone());
        }
        return dateFormat.format(moment);
    }

    /** A calendar day, as {@link #date(Instant)} writes it; empty for no day. */
    public String day(java.time.LocalDate day) {
        return day == null ? "" : date(day.atStartOfDay(Campus.zone()).toInstant());
    }

    /** {@code 09:30} in the campus time zone; empty for no moment. */
    public String time(Instant moment) {
        return moment == null ? "" : DateTimeFormatter.ofPattern("HH:mm").withZone(Campus.zone()).format(moment);
    }

    /** {@code 2026年11月25日 09:30} in the campus time zone; empty for no moment. */
    public String dateTime(Instant moment) {
        if (moment == null) {
            return "";
        }
        if (dateTimeFormat == null) {
            dateTimeFormat = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                    .withLocale(language.getLocale()).withZone(Campus.zone());
        }
        return dateTimeFormat.format(moment);
    }

    /** {@code 2026年12月6日星期日 02:00}: a day with its weekday and the time, for schedules; empty for no moment. */
    public String weekdayDateTime(ZonedDateTime at) {
        if (at == null) {
            return "";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.FULL).withLocale(language.getLocale())
                .format(at.withZoneSameInstant(Campus.zone())) + " " + time(at.toInstant());
    }
}
