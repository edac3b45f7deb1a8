package cn.edu.xietong.flow.design;

import java.util.List;

/**
 * The categories of flows: the regulation's three (A1), started from the catalogue, and two a module starts for its
 * own object and nobody starts by hand: the approval of what is published (B4) and of a controlled document's download
 * (S4). Names are stored.
 */
public enum Category {
    /** 日常工作 */
    DAILY,
    /** 学校公文 */
    OFFICIAL_DOCUMENT,
    /** 行政事务 */
    ADMINISTRATIVE,
    /** 发布审核: notices, announcements and news before they are published (B4). */
    PUBLISHING,
    /** 受控文档下载审批: one download of a controlled document (S4). */
    CONTROLLED_DOWNLOAD;

    /** The categories a person starts from the catalogue. */
    public static List<Category> startable() {
        return List.of(DAILY, OFFICIAL_DOCUMENT, ADMINISTRATIVE);
    }

    /** Whether a module starts flows of this category for its own object (never the catalogue, never by hand). */
    public boolean startedByModule() {
        return this == PUBLISHING || this == CONTROLLED_DOWNLOAD;
    }
}
