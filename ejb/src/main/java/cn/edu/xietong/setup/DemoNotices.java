package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.notices.Audience;
import cn.edu.xietong.notices.NoticeCategory;
import cn.edu.xietong.notices.NoticeKind;
import cn.edu.xietong.notices.PublishedHistory;
import cn.edu.xietong.notices.PublishingRight;
import cn.edu.xietong.shared.Campus;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The demo's publishing (B4): three categories approved by the demo's publishing flow (announcements are important,
 * E1), and who may submit: the general office's leader for the general office, the computer science school's IT
 * staff for notices and news of their school; a few items published earlier (notices, an announcement, news with
 * pictures, one past its review date) so that the board, the portal and the freshness board show something.
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
        Unit pao = units.get("PAO");
        Unit cs = units.get("CS");
        List<Audience> school = List.of(Audience.school());
        PublishedHistory.add(em, notices, pao, sunli, "关于2027年元旦放假安排的通知",
                "<p>根据国务院办公厅通知精神，结合我校实际，现将2027年元旦放假安排通知如下：</p>"
                        + "<ol><li>2027年1月1日（星期五）至1月3日（星期日）放假调休，共3天。</li>"
                        + "<li>各单位要做好假期值班和安全保卫工作，遇有重大突发事件及时报告。</li></ol>"
                        + "<p>党政办公室</p>", school, true, LocalDate.ofInstant(now, Campus.zone()).plusDays(30),
                now.minus(Duration.ofDays(2)));
        PublishedHistory.add(em, announcements, pao, sunli, "学校档案管理办法（修订）",
                "<p>《学校档案管理办法》已经校长办公会审议通过，现予公布，自公布之日起施行。</p>",
                school, false, null, now.minus(Duration.ofDays(20)));
        PublishedHistory.add(em, notices, cs, yangfan, "计算机学院关于期末考试监考安排的通知",
                "<p>请各位老师于12月20日前在教务系统确认监考场次，如有冲突请联系学院教务办。</p>",
                List.of(Audience.unit(cs.getId())), false, null, now.minus(Duration.ofDays(5)));
        PublishedHistory.add(em, notices, pao, sunli, "关于开展校园网络安全检查的通知",
                "<p>请各单位信息化管理员于本月底前完成本单位网络安全自查。</p>", school, false, null,
                now.minus(Duration.ofDays(200)));
        PublishedHistory.add(em, news, pao, sunli, "我校举办2026年秋季运动会",
                "<p><img src=\"" + DemoPictures.picture(0x2b6cb0, 0x68d391) + "\" alt=\"运动会\"></p>"
                        + "<p>11月15日，我校2026年秋季运动会在田径场开幕，三千余名师生参加。</p>",
                school, false, null, now.minus(Duration.ofDays(3)));
        PublishedHistory.add(em, news, cs, yangfan, "计算机学院学生获程序设计竞赛金奖",
                "<p><img src=\"" + DemoPictures.picture(0x805ad5, 0xf6ad55) + "\" alt=\"颁奖\"></p>"
                        + "<p>在近日举行的程序设计竞赛中，我院学生代表队获得金奖。</p>",
                school, false, null, now.minus(Duration.ofDays(8)));
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
