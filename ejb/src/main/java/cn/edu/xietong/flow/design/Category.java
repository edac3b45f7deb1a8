package cn.edu.xietong.flow.design;

/** The three categories of flows in the regulation (A1). Names are stored. */
public enum Category {
    /** 日常工作 */
    DAILY,
    /** 学校公文 */
    OFFICIAL_DOCUMENT,
    /** 行政事务 */
    ADMINISTRATIVE
}
