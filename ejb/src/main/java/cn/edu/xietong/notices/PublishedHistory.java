package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.RichText;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Items published before this installation took over publishing (the demo university's, or a site's imported
 * history): stored as published at their moment, without an approval flow of Xietong's own. Loaded by setup code
 * only; every item published through Xietong goes through {@link Publishing}.
 */
public final class PublishedHistory {

    private PublishedHistory() {
    }

    /** Stores one earlier publication; answers its id. */
    public static long add(EntityManager em, NoticeCategory category, Unit unit, Person author, String title,
                           String html, List<Audience> audience, boolean pinned, LocalDate mustReadBy,
                           Instant publishedAt) {
        Notice notice = new Notice(category, unit, author, publishedAt);
        notice.settle(audience, null, null, pinned, mustReadBy != null, mustReadBy, publishedAt);
        em.persist(notice);
        em.flush();
        NoticeVersion version = new NoticeVersion(notice, 1, author, publishedAt);
        version.write(title, RichText.of(html));
        em.persist(version);
        notice.approved(version, publishedAt);
        return notice.getId();
    }
}
