package cn.edu.xietong.calendar;

import cn.edu.xietong.shared.DisplayText;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.Objects;

/** A day that does not follow the ordinary rule (Monday–Friday work): a public holiday or a make-up work day. */
@Entity
@Table(name = "calendar_day")
@NamedQuery(name = SpecialDay.ALL, query = "select d from SpecialDay d order by d.day")
@NamedQuery(name = SpecialDay.BETWEEN,
        query = "select d from SpecialDay d where d.day >= :from and d.day <= :to order by d.day")
public class SpecialDay {

    public static final String ALL = "SpecialDay.all";
    public static final String BETWEEN = "SpecialDay.between";

    @Id
    @Column(name = "cal_date")
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 10)
    private DayKind kind;

    @Column(length = 50)
    private String name;

    protected SpecialDay() {
    }

    public SpecialDay(LocalDate day, DayKind kind, String name) {
        this.day = Objects.requireNonNull(day, "day");
        this.kind = Objects.requireNonNull(kind, "kind");
        String clean = DisplayText.optionalName(name, 50)
                .orElseThrow(() -> new IllegalArgumentException("a day's name has at most 50 characters"));
        this.name = clean.isEmpty() ? null : clean;
    }

    public LocalDate getDay() {
        return day;
    }

    public DayKind getKind() {
        return kind;
    }

    public String getName() {
        return name;
    }

    void change(DayKind kind, String name) {
        SpecialDay checked = new SpecialDay(day, kind, name);
        this.kind = checked.kind;
        this.name = checked.name;
    }

    @Override
    public String toString() {
        return day + " " + kind + (name == null ? "" : " " + name);
    }
}
