package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.notices.NoticeCategory;
import cn.edu.xietong.notices.NoticeKind;
import cn.edu.xietong.notices.PublishingRight;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The demo's publishing (B4): three categories approved by the demo's publishing flow (announcements are important,
 * E1), and who may submit: the general office's leader for the general office, the computer science school's IT
 * staff for notices and news of their school.
 */
final class DemoNotices {

    private DemoNotices() {
    }

    static void load(EntityManager em, Map<String, Unit> units, List<Person> everyone, Instant now) {
        DemoFlows.loadPublishing(em, units.get("PAO"), now);
        NoticeCategory notices = category(em, "notice", "通知", "Notices", NoticeKind.NOTICE, false);
        NoticeCategory announcements = category(em, "announcement", "公告", "Announcements", NoticeKind.ANNOUNCEMENT,
                true);
        NoticeCategory news = category(em, "news", "新闻", "News", NoticeKind.NEWS, false);
        Person sunli = person(everyone, "sunli");
        for (NoticeCategory c : List.of(notices, announcements, news)) {
            em.persist(new PublishingRight(sunli, units.get("PAO"), c, now, "system"));
        }
        Person yangfan = person(everyone, "yangfan");
        for (NoticeCategory c : List.of(notices, news)) {
            em.persist(new PublishingRight(yangfan, units.get("CS"), c, now, "system"));
        }
    }

    private static NoticeCategory category(EntityManager em, String code, String zh, String en, NoticeKind kind,
                                           boolean important) {
        NoticeCategory category = new NoticeCategory(code, zh, en, kind, "notice-review", important);
        em.persist(category);
        return category;
    }

    private static Person person(List<Person> everyone, String login) {
        return everyone.stream().filter(p -> p.getLogin().equals(login)).findFirst().orElseThrow();
    }
}
