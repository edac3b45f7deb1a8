package cn.edu.xietong.it.chat;

import cn.edu.xietong.chat.ChatLine;
import cn.edu.xietong.chat.ChatPulse;
import cn.edu.xietong.chat.ConversationView;
import cn.edu.xietong.chat.Conversations;
import cn.edu.xietong.chat.ListedConversation;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.ChatData;
import cn.edu.xietong.it.support.MailboxData;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.presence.PresenceTracker;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.LongConsumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Instant messages (A4, O2.7) through their services on the real database: conversations, unread counts, history,
 * files, notifications, search, members only — and the pulse that brings a message to open pages on every server.
 */
@ExtendWith(ArquillianExtension.class)
class ConversationsIT {

    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Parameters(1024, 1, 1));
    private static final String PASSWORD = "Chat#2026xy";

    @EJB
    private TestData data;

    @EJB
    private MailboxData modules;

    @EJB
    private ChatData chatData;

    @EJB
    private Conversations conversations;

    @EJB
    private ChatPulse pulse;

    @EJB
    private Notifications notifications;

    @EJB
    private FileStore files;

    @EJB
    private OfficeClock clock;

    @EJB
    private PresenceTracker presence;

    private Person someone() {
        return data.person(PASSWORD, CHEAP);
    }

    @Test
    void twoPeopleHaveOneConversationWhoeverBeginsIt() throws Exception {
        Person a = someone();
        Person b = someone();
        long first = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        long again = AsPerson.call(b, () -> conversations.direct(a.getLogin()));
        assertEquals(first, again);
        DomainException self = assertThrows(DomainException.class,
                () -> AsPerson.call(a, () -> conversations.direct(a.getLogin())));
        assertEquals("chat.withSelf", self.messageKey());
    }

    @Test
    void unreadMessagesAreCountedUntilTheConversationIsOpened() throws Exception {
        Person a = someone();
        Person b = someone();
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        AsPerson.call(a, () -> conversations.send(c, "你好", null));
        AsPerson.call(a, () -> conversations.send(c, "下午开会吗？", null));
        assertEquals(2, AsPerson.call(b, () -> conversations.unreadTotal()));
        ListedConversation listed = AsPerson.call(b, () -> conversations.mine()).get(0);
        assertEquals(2, listed.unread());
        assertEquals("下午开会吗？", listed.preview());
        assertEquals(a.getLogin(), listed.other().login());
        assertEquals(0, AsPerson.call(a, () -> conversations.unreadTotal()), "one's own messages are read");

        ConversationView opened = AsPerson.call(b, () -> conversations.open(c, 50));
        assertEquals(List.of("你好", "下午开会吗？"), opened.lines().stream().map(ChatLine::text).toList());
        assertEquals(0, AsPerson.call(b, () -> conversations.unreadTotal()));
        ChatLine reply = AsPerson.call(b, () -> conversations.send(c, "开，三点", null));
        List<ChatLine> news = AsPerson.call(a, () -> conversations.after(c, opened.lines().get(1).id()));
        assertEquals(List.of(reply.id()), news.stream().map(ChatLine::id).toList());
        assertFalse(news.get(0).mine());
    }

    @Test
    void theOtherPersonsPresenceShowsBesideTheConversation() throws Exception {
        Person a = someone();
        Person b = someone();
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        assertFalse(AsPerson.call(b, () -> conversations.mine()).get(0).online());
        AsPerson.run(a, () -> presence.seen());
        assertTrue(AsPerson.call(b, () -> conversations.mine()).get(0).online(), "B1: active within five minutes");
        assertTrue(AsPerson.call(b, () -> conversations.open(c, 10)).members().stream()
                .anyMatch(m -> m.person().login().equals(a.getLogin()) && m.online()));
        AsPerson.run(a, () -> presence.left());
        assertFalse(AsPerson.call(b, () -> conversations.mine()).get(0).online(), "logged out: offline at once");
    }

    @Test
    void historyIsKeptAndPagedBackwards() throws Exception {
        Person a = someone();
        Person b = someone();
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        for (int i = 1; i <= 7; i++) {
            int n = i;
            AsPerson.call(i % 2 == 0 ? b : a, () -> conversations.send(c, "消息" + n, null));
        }
        ConversationView latest = AsPerson.call(a, () -> conversations.open(c, 3));
        assertTrue(latest.more());
        assertEquals(List.of("消息5", "消息6", "消息7"), latest.lines().stream().map(ChatLine::text).toList());
        List<ChatLine> earlier = AsPerson.call(a, () -> conversations.earlier(c, latest.lines().get(0).id(), 10));
        assertEquals(List.of("消息1", "消息2", "消息3", "消息4"), earlier.stream().map(ChatLine::text).toList());
    }

    @Test
    void onlyMembersReadOrWriteAConversationAdministratorsIncluded() throws Exception {
        Person a = someone();
        Person b = someone();
        FileInfo file = AsPerson.call(a, () -> files.upload("会议议程.pdf", SampleFiles.PDF));
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        AsPerson.call(a, () -> conversations.send(c, "议程见附件", file.uid()));
        Unit unit = data.unit();
        List<Person> others = List.of(someone(), data.personIn(unit, PASSWORD, CHEAP, Role.SYS_ADMIN),
                data.personIn(unit, PASSWORD, CHEAP, Role.AUDIT_ADMIN));
        for (Person other : others) {
            List<Executable> attempts = List.of(
                    () -> AsPerson.call(other, () -> conversations.open(c, 10)),
                    () -> AsPerson.call(other, () -> conversations.after(c, 0)),
                    () -> AsPerson.call(other, () -> conversations.earlier(c, Long.MAX_VALUE, 10)),
                    () -> AsPerson.call(other, () -> conversations.send(c, "插话", null)),
                    () -> AsPerson.call(other, () -> conversations.file(c, file.uid())),
                    () -> AsPerson.run(other, () -> conversations.invite(c, List.of(other.getLogin()))),
                    () -> AsPerson.call(other, () -> conversations.open(Long.MAX_VALUE, 10)));
            for (Executable attempt : attempts) {
                assertThrows(EJBAccessException.class, attempt, other.roleSet().toString());
            }
            assertTrue(AsPerson.call(other, () -> conversations.search("议程", Locale.ENGLISH)).isEmpty());
        }
        assertEquals(SampleFiles.PDF.length, AsPerson.call(b, () -> conversations.file(c, file.uid())).content().length);
        FileInfo foreign = AsPerson.call(others.get(0), () -> files.upload("别人的.pdf", SampleFiles.PDF));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(a, () -> conversations.send(c, "", foreign.uid())),
                "one sends only one's own uploads");
    }

    @Test
    void aGroupsMembersTalkAndOneWhoLeftNoLongerReadsIt() throws Exception {
        Person a = someone();
        Person b = someone();
        Person c = someone();
        long group = AsPerson.call(a, () -> conversations.group("课题组", List.of(b.getLogin(), c.getLogin())));
        AsPerson.call(b, () -> conversations.send(group, "周五组会", null));
        assertEquals(1, AsPerson.call(c, () -> conversations.unreadTotal()));
        AsPerson.run(c, () -> conversations.leave(group));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(c, () -> conversations.open(group, 10)));
        assertEquals(0, AsPerson.call(c, () -> conversations.unreadTotal()));
        Person d = someone();
        AsPerson.run(b, () -> conversations.invite(group, List.of(d.getLogin())));
        ConversationView seen = AsPerson.call(d, () -> conversations.open(group, 10));
        assertEquals(3, seen.members().size(), "a, b and d; c has left");
        assertTrue(seen.lines().stream().anyMatch(l -> l.text().equals("周五组会")), "the history is the group's");
        DomainException forTwo = assertThrows(DomainException.class, () -> AsPerson.run(a,
                () -> conversations.invite(AsPerson.call(a, () -> conversations.direct(d.getLogin())),
                        List.of(c.getLogin()))));
        assertEquals("chat.directIsForTwo", forTwo.messageKey());
    }

    @Test
    void badMessagesAndPeopleAreRefusedWithTheirReason() throws Exception {
        Person a = someone();
        Person b = someone();
        Person left = someone();
        data.deactivate(left);
        Unit closed = data.unit();
        modules.modules(closed, EnumSet.of(Module.FLOWS));
        Person noModule = data.personIn(closed, PASSWORD, CHEAP);
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        assertRefused("chat.tooLong", () -> AsPerson.call(a, () -> conversations.send(c, "长".repeat(4001), null)));
        assertRefused("chat.empty", () -> AsPerson.call(a, () -> conversations.send(c, "   ", null)));
        assertRefused("chat.personInactive", () -> AsPerson.call(a, () -> conversations.direct(left.getLogin())));
        assertRefused("chat.personWithoutModule",
                () -> AsPerson.call(a, () -> conversations.direct(noModule.getLogin())));
        assertRefused("chat.noMembers", () -> AsPerson.call(a, () -> conversations.group("空组", List.of())));
        assertTrue(AsPerson.call(b, () -> conversations.open(c, 10)).lines().isEmpty(), "nothing was sent");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(noModule, () -> conversations.mine()),
                "a unit without the module has no messages (O2.7)");
    }

    private static void assertRefused(String key, Executable call) {
        assertEquals(key, assertThrows(DomainException.class, call).messageKey());
    }

    @Test
    void aConversationRingsTheBellOnceUntilItIsRead() throws Exception {
        Person a = data.personNamed(data.unit(), "张三", PASSWORD, CHEAP);
        Person b = someone();
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        AsPerson.call(a, () -> conversations.send(c, "一", null));
        AsPerson.call(a, () -> conversations.send(c, "二", null));
        List<ListedNotification> told = AsPerson.call(b, () -> notifications.mine());
        assertEquals(1, told.size(), "one notice per conversation while unread");
        assertEquals(Module.MAIL, told.get(0).module());
        assertEquals(Conversations.NEW_MESSAGE, told.get(0).kind());
        assertEquals(c, told.get(0).objectId());
        AsPerson.call(b, () -> notifications.read(told.get(0).id()));
        AsPerson.call(a, () -> conversations.send(c, "三", null));
        assertEquals(2, AsPerson.call(b, () -> notifications.mine()).size());
        assertTrue(data.outboxOf(b).isEmpty(), "no e-mail unless chosen (C2)");
    }

    @Test
    void searchFindsWordsInOnesOwnConversationsOnly() throws Exception {
        Person a = someone();
        Person b = someone();
        Person stranger = someone();
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        AsPerson.call(a, () -> conversations.send(c, "报销单已提交", null));
        AsPerson.call(b, () -> conversations.send(c, "好的", null));
        assertEquals(1, AsPerson.call(b, () -> conversations.search("报销", Locale.SIMPLIFIED_CHINESE)).size());
        assertEquals(c, AsPerson.call(a, () -> conversations.search("报销", Locale.ENGLISH)).get(0).conversationId());
        assertTrue(AsPerson.call(stranger, () -> conversations.search("报销", Locale.ENGLISH)).isEmpty());
        assertTrue(AsPerson.call(a, () -> conversations.search("%", Locale.ENGLISH)).isEmpty(),
                "a wildcard typed is searched as text");
    }

    @Test
    void thePulseTellsMembersListenersOnlyAlsoOfMessagesWrittenByAnotherServer() throws Exception {
        Person a = someone();
        Person b = someone();
        Person stranger = someone();
        long c = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        BlockingQueue<Long> heardByB = new LinkedBlockingQueue<>();
        BlockingQueue<Long> heardByStranger = new LinkedBlockingQueue<>();
        LongConsumer bListens = heardByB::add;
        LongConsumer strangerListens = heardByStranger::add;
        pulse.listen(b.getLogin(), bListens);
        pulse.listen(stranger.getLogin(), strangerListens);
        try {
            AsPerson.call(a, () -> conversations.send(c, "在吗", null));
            assertEquals(c, heardByB.poll(5, TimeUnit.SECONDS), "a member's open page hears of it within seconds");
            assertNull(heardByB.poll(2, TimeUnit.SECONDS), "once per message");

            chatData.messageFromElsewhere(c, a.getId(), "另一台服务器写入", clock.now());
            assertEquals(c, heardByB.poll(5, TimeUnit.SECONDS),
                    "a message another server wrote into the shared database is heard here too");
            assertNull(heardByStranger.poll(1, TimeUnit.SECONDS), "nobody else hears anything");
        } finally {
            pulse.stop(b.getLogin(), bListens);
            pulse.stop(stranger.getLogin(), strangerListens);
        }
    }
}
