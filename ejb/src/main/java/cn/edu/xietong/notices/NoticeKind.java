package cn.edu.xietong.notices;

/** What a category publishes (B4). Names are stored. */
public enum NoticeKind {
    /** 通知 */
    NOTICE,
    /** 公告 */
    ANNOUNCEMENT,
    /** 新闻 */
    NEWS
}
