package cn.edu.xietong.web.admin;

import cn.edu.xietong.calendar.DayKind;
import cn.edu.xietong.calendar.SpecialDay;
import cn.edu.xietong.calendar.SpecialDays;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * Backs admin/calendar.xhtml (B2): the system administrator keeps the public holidays and make-up work days of each
 * year, one by one or by pasting the year's notice as CSV.
 */
@Named
@ViewScoped
public class CalendarView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private SpecialDays calendar;

    @EJB
    private OfficeClock clock;

    @Inject
    private Messages messages;

    private Integer year;
    private transient List<SpecialDay> days;
    private LocalDate day;
    private DayKind kind = DayKind.HOLIDAY;
    private String name;
    private String csv;

    public List<SpecialDay> getDays() {
        if (days == null) {
            days = calendar.year(getYear());
        }
        return days;
    }

    public void save() {
        act(() -> calendar.set(day, kind, name), "calendar.saved");
    }

    public void clear(SpecialDay special) {
        act(() -> calendar.clear(special.getDay()), "calendar.cleared");
    }

    public void importCsv() {
        try {
            int stored = calendar.importCsv(csv);
            messages.info("calendar.imported", stored);
            csv = null;
            days = null;
        } catch (InvalidInputException refused) {
            messages.error(refused);
        }
    }

    private void act(Runnable action, String done) {
        if (messages.attempt(action, done)) {
            days = null;
        }
    }

    /** The current year and the next, whose notice usually comes out in November or December. */
    public List<Integer> getYears() {
        int now = clock.today().getYear();
        return List.of(now - 1, now, now + 1);
    }

    public DayKind[] getKinds() {
        return DayKind.values();
    }

    /** The year shown: this year on the office clock until one is chosen. */
    public int getYear() {
        if (year == null) {
            year = clock.today().getYear();
        }
        return year;
    }

    public void setYear(int year) {
        this.year = year;
        days = null;
    }

    public LocalDate getDay() {
        return day;
    }

    public void setDay(LocalDate day) {
        this.day = day;
    }

    public DayKind getKind() {
        return kind;
    }

    public void setKind(DayKind kind) {
        this.kind = kind;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getCsv() {
        return csv;
    }

    public void setCsv(String csv) {
        this.csv = csv;
    }
}
