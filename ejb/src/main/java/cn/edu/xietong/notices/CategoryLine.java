package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;

/**
 * A category as the rights page shows it: its kind, whether its items are backed up when published (E1), and after
 * how many days a published item is due for review (O1.6).
 */
public record CategoryLine(long id, String code, Bilingual name, NoticeKind kind, boolean important, int reviewDays)
        implements Serializable {

    static CategoryLine of(NoticeCategory c) {
        return new CategoryLine(c.getId(), c.getCode(), c.name(), c.getKind(), c.isImportant(), c.getReviewDays());
    }
}
