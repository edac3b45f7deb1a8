package cn.edu.xietong.calendar;

/** What an exceptional day is: a day off on a weekday (or inside a holiday block), or a weekend day that is worked. */
public enum DayKind {
    HOLIDAY,
    WORKDAY
}
