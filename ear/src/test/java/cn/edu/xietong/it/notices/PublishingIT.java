package cn.edu.xietong.it.notices;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.notices.Audience;
import cn.edu.xietong.notices.ListedNotice;
import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.notices.NoticeInput;
import cn.edu.xietong.notices.NoticeKind;
import cn.edu.xietong.notices.NoticeState;
import cn.edu.xietong.notices.NoticeVersion;
import cn.edu.xietong.notices.OpenedNotice;
import cn.edu.xietong.notices.Publishing;
import cn.edu.xietong.notices.PublishingChoice;
import cn.edu.xietong.notices.ReadTracking;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B4 through the services on the real database, with the demo's publishing flow (the item's unit leader, then the
 * general office): only holders of the right submit; nothing is read before the flow approves; the audience alone
 * reads it; an edit is approved again while the published version stays; rejection publishes nothing; reading is
 * tracked and must-read items are reminded.
 */
@ExtendWith(ArquillianExtension.class)
class PublishingIT {

    @EJB
    private TestData data;

    @EJB
    private Publishing publishing;

    @EJB
    private NoticeBoard board;

    @EJB
    private Worklists worklists;

    @EJB
    private FlowCommands flows;

    private Person writer() {
        return data.personByLogin("yangfan"); // the CS school's IT staff: notices and news of their school
    }

    private PublishingChoice notices(Person writer) throws Exception {
        return AsPerson.call(writer, () -> publishing.myChoices()).stream()
                .filter(c -> c.kind() == NoticeKind.NOTICE).findFirst().orElseThrow();
    }

    private static NoticeInput toCs(String title, String html, long csUnit) {
        return new NoticeInput(title, html, List.of(Audience.unit(csUnit)), null, null, false, false, null);
    }

    /** Approves the publishing to-do of this title as each handler in turn. */
    private void approveAll(String title) throws Exception {
        for (String login : List.of("hanmei", "sunli")) {
            Person handler = data.personByLogin(login);
            ListedTask task = AsPerson.call(handler, () -> worklists.todos()).stream()
                    .filter(t -> t.instance().title().equals(title)).findFirst().orElseThrow(() ->
                            new AssertionError(login + " has no to-do " + title));
            AsPerson.call(handler, () -> flows.approve(task.id(), "同意发布", null));
        }
    }

    private List<String> visibleTitles(String login) throws Exception {
        return AsPerson.call(data.personByLogin(login), () -> board.visible(null, 200)).stream()
                .map(ListedNotice::title).toList();
    }

    @Test
    void anItemIsReadByItsAudienceOnlyAndOnlyAfterItsFlowApprovedIt() throws Exception {
        Person writer = writer();
        PublishingChoice choice = notices(writer);
        String title = "期末考试安排 " + UUID.randomUUID().toString().substring(0, 6);
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                toCs(title, "<p>请各位老师<b>按时</b>监考</p><script>x()</script>", choice.unitId())));
        AsPerson.run(writer, () -> publishing.submit(id));
        assertEquals(NoticeState.IN_REVIEW, AsPerson.call(writer, () -> publishing.mine()).stream()
                .filter(n -> n.id() == id).findFirst().orElseThrow().state());
        assertFalse(visibleTitles("wangwei.cs").contains(title), "nothing is read before approval");
        assertThrows(EJBAccessException.class,
                () -> AsPerson.call(data.personByLogin("wangwei.cs"), () -> board.open(id)));

        approveAll(title);

        assertTrue(visibleTitles("wangwei.cs").contains(title), "its audience reads it once approved");
        assertFalse(visibleTitles("wangwei.hr").contains(title), "another unit does not");
        assertThrows(EJBAccessException.class,
                () -> AsPerson.call(data.personByLogin("wangwei.hr"), () -> board.open(id)));
        OpenedNotice opened = AsPerson.call(data.personByLogin("wangwei.cs"), () -> board.open(id));
        assertEquals(title, opened.title());
        assertTrue(opened.html().contains("<b>按时</b>") && !opened.html().contains("script"), opened.html());
    }

    @Test
    void onlyAHolderOfTheRightSubmitsForItsUnitAndCategory() throws Exception {
        Person writer = writer();
        PublishingChoice choice = notices(writer);
        Person staff = data.personByLogin("wangwei.cs");
        assertTrue(AsPerson.call(staff, () -> publishing.myChoices()).isEmpty());
        assertThrows(EJBAccessException.class, () -> AsPerson.call(staff, () -> publishing.create(
                choice.categoryId(), choice.unitId(), toCs("越权", "<p>x</p>", choice.unitId()))));
        long hrUnit = data.unitOf("wangwei.hr").getId();
        assertThrows(EJBAccessException.class, () -> AsPerson.call(writer, () -> publishing.create(
                choice.categoryId(), hrUnit, toCs("别的单位", "<p>x</p>", hrUnit))), "only for one's own units");
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                toCs("我的草稿", "<p>x</p>", choice.unitId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(staff, () -> publishing.submit(id)),
                "someone else's item");
        DomainException noAudience = assertThrows(DomainException.class, () -> AsPerson.call(writer,
                () -> publishing.create(choice.categoryId(), choice.unitId(),
                        new NoticeInput("无对象", "<p>x</p>", List.of(), null, null, false, false, null))));
        assertEquals("notice.noAudience", noAudience.messageKey());
        DomainException mustReadWithoutDate = assertThrows(DomainException.class, () -> AsPerson.call(writer,
                () -> publishing.create(choice.categoryId(), choice.unitId(), new NoticeInput("必读", "<p>x</p>",
                        List.of(Audience.school()), null, null, false, true, null))));
        assertEquals("notice.readByRequired", mustReadWithoutDate.messageKey());
    }

    @Test
    void anEditIsApprovedAgainWhileThePublishedVersionStaysAndEarlierVersionsAreKept() throws Exception {
        Person writer = writer();
        PublishingChoice choice = notices(writer);
        String title = "图书馆开放时间 " + UUID.randomUUID().toString().substring(0, 6);
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                toCs(title, "<p>8:00 开馆</p>", choice.unitId())));
        AsPerson.run(writer, () -> publishing.submit(id));
        approveAll(title);

        String edited = title + "（更新）";
        AsPerson.run(writer, () -> publishing.write(id, toCs(edited, "<p>7:30 开馆</p>", choice.unitId())));
        AsPerson.run(writer, () -> publishing.submit(id));
        Person reader = data.personByLogin("wangwei.cs");
        OpenedNotice meanwhile = AsPerson.call(reader, () -> board.open(id));
        assertEquals(title, meanwhile.title(), "the published version is read while the edit is in review");
        assertTrue(meanwhile.html().contains("8:00"));
        DomainException inReview = assertThrows(DomainException.class,
                () -> AsPerson.run(writer, () -> publishing.write(id, toCs("再改", "<p>x</p>", choice.unitId()))));
        assertEquals("notice.notEditable", inReview.messageKey());

        approveAll(edited);
        OpenedNotice now = AsPerson.call(reader, () -> board.open(id));
        assertEquals(edited, now.title());
        assertEquals(2, now.version());
        assertEquals(List.of(NoticeVersion.State.SUPERSEDED, NoticeVersion.State.APPROVED),
                now.versions().stream().map(OpenedNotice.VersionLine::state).toList());
        assertTrue(AsPerson.call(reader, () -> board.versionHtml(id, now.versions().get(0).id())).contains("8:00"),
                "the earlier version stays viewable");
    }

    @Test
    void aRejectedItemIsNeverPublished() throws Exception {
        Person writer = writer();
        PublishingChoice choice = notices(writer);
        String title = "未通过的通知 " + UUID.randomUUID().toString().substring(0, 6);
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                toCs(title, "<p>内容</p>", choice.unitId())));
        AsPerson.run(writer, () -> publishing.submit(id));
        Person leader = data.personByLogin("hanmei");
        ListedTask task = AsPerson.call(leader, () -> worklists.todos()).stream()
                .filter(t -> t.instance().title().equals(title)).findFirst().orElseThrow();
        AsPerson.call(leader, () -> flows.reject(task.id(), "内容不宜发布"));
        assertEquals(NoticeState.REJECTED, AsPerson.call(writer, () -> publishing.mine()).stream()
                .filter(n -> n.id() == id).findFirst().orElseThrow().state());
        assertFalse(visibleTitles("wangwei.cs").contains(title));
    }

    @Test
    void aReturnedItemIsRevisedAndGoesThroughTheSameFlowAgain() throws Exception {
        Person writer = writer();
        PublishingChoice choice = notices(writer);
        String title = "退回修改 " + UUID.randomUUID().toString().substring(0, 6);
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                toCs(title, "<p>初稿</p>", choice.unitId())));
        AsPerson.run(writer, () -> publishing.submit(id));
        Person leader = data.personByLogin("hanmei");
        ListedTask task = AsPerson.call(leader, () -> worklists.todos()).stream()
                .filter(t -> t.instance().title().equals(title)).findFirst().orElseThrow();
        AsPerson.call(leader, () -> flows.returnTo(task.id(), "请补充时间", null));
        assertEquals(NoticeState.DRAFT, AsPerson.call(writer, () -> publishing.mine()).stream()
                .filter(n -> n.id() == id).findFirst().orElseThrow().state());
        AsPerson.run(writer, () -> publishing.write(id, toCs(title, "<p>修改稿：周五下午</p>", choice.unitId())));
        AsPerson.run(writer, () -> publishing.submit(id));
        approveAll(title);
        assertTrue(AsPerson.call(data.personByLogin("wangwei.cs"), () -> board.open(id)).html().contains("周五下午"));
        assertEquals(1, AsPerson.call(writer, () -> publishing.versions(id)).size(), "one version, one instance");
    }

    @Test
    void readingIsTrackedAndTheUnreadOfAMustReadItemAreReminded() throws Exception {
        Person writer = writer();
        PublishingChoice choice = notices(writer);
        String title = "安全培训必读 " + UUID.randomUUID().toString().substring(0, 6);
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                new NoticeInput(title, "<p>请于本周内阅读</p>", List.of(Audience.unit(choice.unitId())), null, null,
                        true, true, LocalDate.now().plusDays(7))));
        AsPerson.run(writer, () -> publishing.submit(id));
        approveAll(title);
        Person reader = data.personByLogin("wangwei.cs");
        assertTrue(AsPerson.call(reader, () -> board.unreadMustRead()).stream().anyMatch(n -> n.id() == id));
        AsPerson.call(reader, () -> board.open(id));
        assertFalse(AsPerson.call(reader, () -> board.unreadMustRead()).stream().anyMatch(n -> n.id() == id));

        ReadTracking tracking = AsPerson.call(writer, () -> board.readers(id));
        assertTrue(tracking.read().stream().anyMatch(r -> r.person().login().equals("wangwei.cs")));
        assertTrue(tracking.unread().stream().anyMatch(p -> p.login().equals("hanmei")));
        assertEquals(tracking.audience(), tracking.read().size() + tracking.unread().size());
        int reminded = AsPerson.call(writer, () -> board.remindUnread(id));
        assertEquals(tracking.unread().size(), reminded);
        assertThrows(EJBAccessException.class, () -> AsPerson.call(reader, () -> board.readers(id)),
                "reading is followed by the writer and the unit's leader only");
    }

    @Test
    void aPublishingFlowIsNotStartedFromTheCatalogue() throws Exception {
        Person staff = data.personByLogin("wangwei.cs");
        assertTrue(AsPerson.call(staff, () -> flows.catalogue(null)).stream()
                .noneMatch(d -> d.getCode().equals("notice-review")));
        long design = data.publishedDesign("notice-review");
        DomainException refused = assertThrows(DomainException.class,
                () -> AsPerson.call(staff, () -> flows.start(design, "绕过", cn.edu.xietong.flow.form.FormValues
                        .empty(), java.util.Map.of())));
        assertEquals("flow.startedByPublishing", refused.messageKey());
    }
}
