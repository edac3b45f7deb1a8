package cn.edu.xietong.flow.design;

import java.util.List;

/**
 * The categories of flows: the regulation's three (A1), started from the catalogue, and the approval of what is
 * published (B4), which the publishing module starts for an item and nobody starts by hand. Names are stored.
 */
public enum Category {
    /** 日常工作 */
    DAILY,
    /** 学校公文 */
    OFFICIAL_DOCUMENT,
    /** 行政事务 */
    ADMINISTRATIVE,
    /** 发布审核: notices, announcements and news before they are published (B4). */
    PUBLISHING;

    /** The categories a person starts from the catalogue. */
    public static List<Category> startable() {
        return List.of(DAILY, OFFICIAL_DOCUMENT, ADMINISTRATIVE);
    }
}
