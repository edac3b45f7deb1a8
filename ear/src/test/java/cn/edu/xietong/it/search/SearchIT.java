package cn.edu.xietong.it.search;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.SamplePdf;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.mailbox.AddressKind;
import cn.edu.xietong.mailbox.DraftInput;
import cn.edu.xietong.mailbox.Folder;
import cn.edu.xietong.mailbox.ListedMail;
import cn.edu.xietong.mailbox.MailSending;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.mailbox.Recipient;
import cn.edu.xietong.notices.Audience;
import cn.edu.xietong.notices.NoticeInput;
import cn.edu.xietong.notices.NoticeKind;
import cn.edu.xietong.notices.Publishing;
import cn.edu.xietong.notices.PublishingChoice;
import cn.edu.xietong.search.Search;
import cn.edu.xietong.search.SearchAdministration;
import cn.edu.xietong.search.SearchIndex;
import cn.edu.xietong.search.SearchResults;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Search (B4, O3.5) on the real server: what the index finds is what the searcher may read — counted after the rights
 * filter — and it follows publication, withdrawal, delivery and removal through the journal, a change written by
 * another server too; a rebuild from the database finds everything again; the text inside an attached PDF is found.
 */
@ExtendWith(ArquillianExtension.class)
class SearchIT {

    private static final String PASSWORD = "Search#2026-it";
    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @EJB
    private TestData data;

    @EJB
    private SearchData searchData;

    @EJB
    private Search search;

    @EJB
    private SearchAdministration administration;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private Publishing publishing;

    @EJB
    private Worklists worklists;

    @EJB
    private FlowCommands flows;

    @EJB
    private MailSending sending;

    @EJB
    private Mailbox mailbox;

    @EJB
    private FileStore files;


    /** A word no other test writes (letters only: the analyser keeps it whole). */
    private static String tag() {
        StringBuilder s = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            s.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return s.append('k').toString();
    }

    private SearchResults find(Person who, String words, String kind) throws Exception {
        return AsPerson.call(who, () -> search.search(words, kind, 0));
    }

    /** Searches until the answer satisfies {@code until} (the index follows the journal within seconds). */
    private SearchResults await(Person who, String words, String kind, Predicate<SearchResults> until)
            throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        SearchResults r = null;
        while (System.currentTimeMillis() < end) {
            r = find(who, words, kind);
            if (!r.building() && until.test(r)) {
                return r;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("no such answer for " + who.getLogin() + " / " + words + ": " + r);
    }

    /** Waits until this server's index itself (no check against the database) holds {@code expected} hits. */
    private void awaitIndexed(Person who, String words, long expected) throws Exception {
        long end = System.currentTimeMillis() + 30_000;
        long n = -2;
        while (System.currentTimeMillis() < end) {
            n = searchData.indexed(who.getId(), words);
            if (n == expected) {
                return;
            }
            Thread.sleep(300);
        }
        throw new AssertionError("the index holds " + n + " for " + who.getLogin() + " / " + words);
    }

    private long publishToCs(String title, String html) throws Exception {
        long id = submitToCs(title, html);
        for (String login : List.of("hanmei", "sunli")) {
            Person handler = data.personByLogin(login);
            ListedTask task = AsPerson.call(handler, () -> worklists.todos()).stream()
                    .filter(t -> t.instance().title().equals(title)).findFirst().orElseThrow();
            AsPerson.call(handler, () -> flows.approve(task.id(), "同意发布", null));
        }
        return id;
    }

    private long submitToCs(String title, String html) throws Exception {
        Person writer = data.personByLogin("yangfan");
        PublishingChoice choice = AsPerson.call(writer, () -> publishing.myChoices()).stream()
                .filter(c -> c.kind() == NoticeKind.NOTICE).findFirst().orElseThrow();
        long id = AsPerson.call(writer, () -> publishing.create(choice.categoryId(), choice.unitId(),
                new NoticeInput(title, html, List.of(Audience.unit(choice.unitId())), null, null, false, false,
                        null)));
        AsPerson.run(writer, () -> publishing.submit(id));
        return id;
    }

    @Test
    void aPublishedNoticeIsFoundByAChineseWordByItsAudienceAndNotCountedForAnyoneElse() throws Exception {
        String tag = tag();
        long id = publishToCs("学生宿舍管理规定 " + tag, "<p>本规定适用于全体住校学生的<b>宿舍</b>管理。</p>");
        Person member = data.personByLogin("wangwei.cs");
        SearchResults found = await(member, "宿舍 " + tag, null, r -> r.total() == 1);
        assertEquals(id, found.hits().get(0).id());
        assertEquals("/notices/notice.xhtml?id=" + id, found.hits().get(0).link());
        assertTrue(found.hits().get(0).titleHtml().contains("<mark>宿舍</mark>"), found.hits().get(0).titleHtml());
        assertFalse(found.hits().get(0).snippetHtml().contains("<b>"), "the item's own markup is not carried");
        assertEquals(1, find(member, "管理规定 " + tag, "notice").total(), "a word of two characters too");
        SearchResults outsider = find(data.personByLogin("wangwei.hr"), "宿舍 " + tag, null);
        assertEquals(0, outsider.total(), "another unit's member does not even count it");
        assertEquals(0L, outsider.perKind().getOrDefault("notice", 0L));
    }

    @Test
    void aNoticeUnderReviewOrWithdrawnIsNotFound() throws Exception {
        String tag = tag();
        submitToCs("审核中的通知 " + tag, "<p>尚未批准</p>");
        long published = publishToCs("将撤回的通知 " + tag, "<p>马上撤回</p>");
        Person member = data.personByLogin("wangwei.cs");
        Person writer = data.personByLogin("yangfan");
        await(member, tag, null, r -> r.total() == 1 && r.hits().get(0).id() == published);
        assertEquals(1, find(writer, tag, null).total(), "its writer does not find the one under review either");

        AsPerson.run(writer, () -> publishing.withdraw(published));
        awaitIndexed(member, tag, 0); // the withdrawal's journal line took it out of the index
        assertEquals(0, find(member, tag, null).total());
    }

    @Test
    void mailIsFoundByItsOwnersOnlyAndNotOnceRemovedForGood() throws Exception {
        String tag = tag();
        Person sender = data.person(PASSWORD, CHEAP);
        Person recipient = data.person(PASSWORD, CHEAP);
        Person other = data.person(PASSWORD, CHEAP);
        long mail = AsPerson.call(sender, () -> sending.send(null, new DraftInput("宿舍检查安排 " + tag,
                "<p>请于周五检查宿舍</p>", List.of(Recipient.person(AddressKind.TO, recipient.getLogin())), List.of(),
                null, null))).mailId();
        SearchResults mine = await(recipient, "检查 " + tag, null, r -> r.total() == 1);
        assertEquals("/mail/read.xhtml?mail=" + mail, mine.hits().get(0).link());
        assertEquals(1, find(sender, tag, "mail").total(), "its sender finds it in their sent mail");
        assertEquals(0, find(other, tag, null).total(), "nobody else, not even counted");
        assertEquals(0, find(other, tag, "mail").total());
        assertEquals(0, find(other, tag, "mail'); drop table x;--").total(), "an unknown kind is just no kind");
        assertEquals(0, find(data.personByLogin("caoyu"), tag, null).total(), "an administrator neither");

        long entry = AsPerson.call(recipient, () -> mailbox.list(Folder.INBOX, 0, 10)).stream()
                .filter(m -> m.mailId() == mail).map(ListedMail::entryId).findFirst().orElseThrow();
        AsPerson.run(recipient, () -> mailbox.trash(List.of(entry)));
        assertEquals(1, find(recipient, tag, null).total(), "in the trash it is still found");
        AsPerson.run(recipient, () -> mailbox.removeForever(List.of(entry)));
        awaitIndexed(recipient, tag, 0); // the removal's journal line took them out of the mail's readers
        assertEquals(0, find(recipient, tag, null).total());
        assertEquals(1, find(sender, tag, null).total(), "the sender keeps theirs");
    }

    @Test
    void aChangeJournaledByAnotherServerIsPickedUp() throws Exception {
        String tag = tag();
        String later = tag();
        long id = publishToCs("图书馆开放时间 " + tag, "<p>八点开馆</p>");
        Person member = data.personByLogin("wangwei.cs");
        await(member, tag, null, r -> r.total() == 1);
        assertEquals(0, find(member, later, null).total());
        searchData.rewriteNoticeElsewhere(id, "改为七点半开馆 " + later);
        SearchResults found = await(member, later, null, r -> r.total() == 1);
        assertEquals(id, found.hits().get(0).id());
        assertTrue(found.hits().get(0).snippetHtml().contains("<mark>" + later + "</mark>"),
                found.hits().get(0).snippetHtml());
    }

    @Test
    void aHitTheDatabaseNoLongerAllowsIsNotShownIsCountedStaleAndIsReadAgain() throws Exception {
        String tag = tag();
        long id = publishToCs("停水通知 " + tag, "<p>周六停水</p>");
        Person member = data.personByLogin("wangwei.cs");
        await(member, tag, null, r -> r.total() == 1);
        searchData.withdrawUnjournaled(id);
        SearchResults stale = find(member, tag, null);
        assertEquals(List.of(), stale.hits());
        assertEquals(1, stale.stale());
        assertEquals(0, stale.total(), "the stale hit is not counted");
        awaitIndexed(member, tag, 0); // journaled again by the search, and taken out of the index
    }

    @Test
    void aRebuildFromTheDatabaseFindsEverythingAgainAndIsAudited() throws Exception {
        String tag = tag();
        long notice = publishToCs("考试周安排 " + tag, "<p>考试周期间图书馆延长开放</p>");
        Person member = data.personByLogin("wangwei.cs");
        await(member, "考试 " + tag, null, r -> r.total() == 1);
        long audited = searchData.audits(AuditEvent.SEARCH_REBUILD);

        admin.call(() -> {
            administration.rebuild();
            return null;
        });
        assertEquals(audited + 1, searchData.audits(AuditEvent.SEARCH_REBUILD));
        long end = System.currentTimeMillis() + 10_000;
        while (searchData.state() == SearchIndex.State.READY && System.currentTimeMillis() < end) {
            Thread.sleep(50); // until the timer has taken the rebuild up (it may already be done)
        }
        SearchResults again = await(member, "考试 " + tag, null, r -> r.total() == 1);
        assertEquals(notice, again.hits().get(0).id());
        SearchIndex.IndexStatus status = admin.call(() -> administration.status());
        assertEquals(SearchIndex.State.READY, status.state());
        assertTrue(status.items() > 0);
        assertThrows(jakarta.ejb.EJBAccessException.class, () -> AsPerson.run(member, () -> administration.rebuild()),
                "only a system administrator rebuilds");
    }

    @Test
    void aChinesePhraseInsideAnAttachedPdfIsFound() throws Exception {
        String tag = tag();
        Person sender = data.person(PASSWORD, CHEAP);
        Person recipient = data.person(PASSWORD, CHEAP);
        byte[] pdf = SamplePdf.chinese("关于加强实验室安全管理的通知");
        FileInfo file = AsPerson.call(sender, () -> files.upload("实验室.pdf", pdf));
        AsPerson.call(sender, () -> sending.send(null, new DraftInput("附件请查收 " + tag, "<p>见附件</p>",
                List.of(Recipient.person(AddressKind.TO, recipient.getLogin())), List.of(file.uid()), null, null)));
        SearchResults found = await(recipient, "实验室安全 " + tag, null, r -> r.total() == 1);
        assertTrue(found.hits().get(0).snippetHtml().contains("<mark>实验室</mark>"),
                found.hits().get(0).snippetHtml());
        assertEquals(1, find(recipient, "实验室.pdf " + tag, null).total(), "the attachment's name too");
    }

    @Test
    void emptyOrOverlongInputIsRefusedWithAMessage() throws Exception {
        Person member = data.personByLogin("wangwei.cs");
        assertEquals("search.empty", assertThrows(DomainException.class, () -> find(member, "   ", null))
                .messageKey());
        assertEquals("search.tooLong", assertThrows(DomainException.class, () -> find(member, "宿".repeat(101), null))
                .messageKey());
        await(member, "x", null, r -> true); // the index is ready
        assertEquals("search.noWords", assertThrows(DomainException.class, () -> find(member, "，。！", null))
                .messageKey());
        assertEquals(0, find(member, "title:* OR (\"[", null).total(), "query syntax is only words");
    }
}
