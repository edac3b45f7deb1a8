package cn.edu.xietong.calendar;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The working-day calendar as data (B2): the system administrator sets or clears special days one by one, or loads a
 * year's holiday notice as CSV ({@code date,kind,festival}, as in the State Council's notice), all or nothing. Every
 * change is audited (O2.1).
 */
@Stateless
@RolesAllowed("STAFF")
public class SpecialDays {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    /**
     * The calendar as it stands (every service that counts working days uses this). It is read at most once a minute
     * per server and at once after a change on this server; another server of a cluster sees a change within a
     * minute.
     */
    @PermitAll
    public WorkingCalendar calendar() {
        Loaded loaded = current;
        if (loaded != null && System.nanoTime() - loaded.at() < REREAD_NANOS) {
            return loaded.calendar();
        }
        WorkingCalendar calendar = new WorkingCalendar(em.createNamedQuery(SpecialDay.ALL, SpecialDay.class)
                .getResultList());
        current = new Loaded(calendar, System.nanoTime());
        return calendar;
    }

    private record Loaded(WorkingCalendar calendar, long at) {
    }

    private static final long REREAD_NANOS = 60_000_000_000L;
    private static volatile Loaded current;

    /** Forgets the loaded calendar once this transaction has ended, so that the next reader sees the change. */
    private void changed() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before
            }

            @Override
            public void afterCompletion(int status) {
                current = null;
            }
        });
    }

    /** The special days of a year, for the administrator's calendar page. */
    @RolesAllowed("SYS_ADMIN")
    public List<SpecialDay> year(int year) {
        return em.createNamedQuery(SpecialDay.BETWEEN, SpecialDay.class)
                .setParameter("from", LocalDate.of(year, 1, 1)).setParameter("to", LocalDate.of(year, 12, 31))
                .getResultList();
    }

    /**
     * Makes a day a holiday or a make-up work day.
     *
     * @throws InvalidInputException {@code calendar.dateRequired}, {@code calendar.kindRequired},
     *                               {@code calendar.nameTooLong}
     */
    @RolesAllowed("SYS_ADMIN")
    public void set(LocalDate day, DayKind kind, String name) {
        List<String> problems = new ArrayList<>();
        if (day == null) {
            problems.add("calendar.dateRequired");
        }
        if (kind == null) {
            problems.add("calendar.kindRequired");
        }
        if (DisplayText.optionalName(name, 50).isEmpty()) {
            problems.add("calendar.nameTooLong");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = store(day, kind, name);
        audit.record(AuditEvent.CALENDAR_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                day + ": " + before + " -> " + kind + (DisplayText.isVisible(name) ? " " + DisplayText.clean(name) : ""));
    }

    /** Makes a day follow the ordinary rule again. */
    @RolesAllowed("SYS_ADMIN")
    public void clear(LocalDate day) {
        SpecialDay found = day == null ? null : em.find(SpecialDay.class, day);
        if (found != null) {
            changed();
            em.remove(found);
            audit.record(AuditEvent.CALENDAR_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                    day + ": " + found.getKind() + " -> ordinary");
        }
    }

    /**
     * Loads a holiday notice as CSV: a header line, then {@code date,kind,festival} with kind {@code holiday} or
     * {@code workday}. Every line's problems are reported and nothing is stored while any line is wrong.
     *
     * @return how many days were stored
     * @throws InvalidInputException {@code calendar.import.empty}, or {@code calendar.import.badLines} with the
     *                               numbers of the lines that are wrong
     */
    @RolesAllowed("SYS_ADMIN")
    public int importCsv(String csv) {
        Map<LocalDate, SpecialDay> days = new LinkedHashMap<>();
        List<Integer> badLines = new ArrayList<>();
        String[] lines = csv == null ? new String[0] : csv.replace("\uFEFF", "").split("\r?\n");
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                String[] cells = line.split(",", -1);
                if (cells.length < 2) {
                    throw new IllegalArgumentException("too few cells");
                }
                SpecialDay day = new SpecialDay(LocalDate.parse(cells[0].strip()),
                        DayKind.valueOf(cells[1].strip().toUpperCase(Locale.ROOT)),
                        cells.length > 2 ? cells[2] : null);
                if (days.put(day.getDay(), day) != null) {
                    throw new IllegalArgumentException("twice");
                }
            } catch (IllegalArgumentException | DateTimeParseException bad) {
                badLines.add(i + 1);
            }
        }
        if (!badLines.isEmpty()) {
            throw new InvalidInputException("calendar.import.badLines",
                    String.join(", ", badLines.stream().map(String::valueOf).toList()));
        }
        if (days.isEmpty()) {
            throw new InvalidInputException(List.of("calendar.import.empty"));
        }
        days.values().forEach(d -> store(d.getDay(), d.getKind(), d.getName()));
        audit.record(AuditEvent.CALENDAR_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                "imported " + days.size() + " days, " + days.keySet().iterator().next() + " .. "
                        + days.keySet().stream().reduce((a, b) -> b).orElseThrow());
        return days.size();
    }

    private String store(LocalDate day, DayKind kind, String name) {
        changed();
        SpecialDay existing = em.find(SpecialDay.class, day);
        if (existing == null) {
            em.persist(new SpecialDay(day, kind, name));
            return "ordinary";
        }
        String before = existing.getKind().name();
        existing.change(kind, name);
        return before;
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
