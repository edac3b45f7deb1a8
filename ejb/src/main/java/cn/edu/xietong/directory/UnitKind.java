package cn.edu.xietong.directory;

/** The three kinds of unit the regulation names (制度 一). */
public enum UnitKind {
    /** 学院(部): a college or school. */
    COLLEGE,
    /** 部处: an administrative department. */
    DEPARTMENT,
    /** 直属单位: a directly affiliated unit. */
    AFFILIATED
}
