package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;

/** An item as a list shows it: kind and category, publishing unit, title, state, when, pinned, must-read, read. */
public record ListedNotice(long id, NoticeKind kind, Bilingual category, Bilingual unit, String title,
                          NoticeState state, Instant publishedAt, boolean pinned, boolean mustRead, LocalDate readBy,
                          boolean read) implements Serializable {

    static ListedNotice of(Notice n, boolean read) {
        return new ListedNotice(n.getId(), n.getCategory().getKind(), n.getCategory().name(),
                new Bilingual(n.getUnit().getNameZh(), n.getUnit().getNameEn()), n.getTitle(), n.getState(),
                n.getPublishedAt(), n.isPinned(), n.isMustRead(), n.getReadBy(), read);
    }
}
