package cn.edu.xietong.mail;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.notification.Notification;
import cn.edu.xietong.notification.NotificationText;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** C2, S4: a notification's e-mail names the object and links to it, and carries nothing else of it. */
class NotificationMailTest {

    private static final MailKind RETURNED = new MailKind(Module.FLOWS, "RETURNED", Delivery.IMMEDIATE,
            "cn.edu.xietong.flow.notice.NoticeText", "/flow/instance.xhtml?id={0}");

    private final Person person = new Person("lisi", "李四",
            new Unit("CS", "计算机科学与技术学院", "School of Computer Science", UnitKind.COLLEGE),
            "lisi@example.edu.cn", Instant.parse("2026-01-01T00:00:00Z"));

    private Notification returned() {
        return new Notification(person, Module.FLOWS, 4711, "RETURNED", "请假申请（李四）",
                NotificationText.key("notification.flow.RETURNED", "ARGUMENT-SECRET"),
                "理由：工资 12345 元与表单不符 NOTE-SECRET", Instant.parse("2026-03-02T02:00:00Z"));
    }

    @Test
    void theMailNamesTheObjectAndLinksToItButCarriesNeitherTheNoteNorTheArguments() {
        NotificationMail.Text mail = NotificationMail.of(returned(), RETURNED, MailLanguage.BOTH, person.getFullName());
        assertEquals("已退回：请假申请（李四） / Returned: 请假申请（李四）", mail.subject());
        assertTrue(mail.body().startsWith("李四您好：\n流程“请假申请（李四）”已退回给您"), mail.body());
        assertTrue(mail.body().contains(NotificationMail.baseUrl() + "/flow/instance.xhtml?id=4711"), mail.body());
        assertTrue(mail.body().contains("Dear 李四,"), mail.body());
        for (String secret : List.of("NOTE-SECRET", "12345", "ARGUMENT-SECRET")) {
            assertFalse(mail.subject().contains(secret) || mail.body().contains(secret), secret);
        }
    }

    @Test
    void aMailInOneLanguageHasOnlyThatLanguage() {
        NotificationMail.Text english = NotificationMail.of(returned(), RETURNED, MailLanguage.EN, "李四");
        assertEquals("Returned: 请假申请（李四）", english.subject());
        assertFalse(english.body().contains("您好"), english.body());
        NotificationMail.Text chinese = NotificationMail.of(returned(), RETURNED, MailLanguage.ZH, "李四");
        assertEquals("已退回：请假申请（李四）", chinese.subject());
        assertFalse(chinese.body().contains("Dear"), chinese.body());
    }

    @Test
    void everyFlowKindHasItsMailTextInBothLanguages() {
        for (String kind : List.of("TODO", "COPY", "RETURNED", "APPROVED", "REJECTED", "REMINDER", "ESCALATION",
                "URGE")) {
            MailKind mailKind = new MailKind(Module.FLOWS, kind, Delivery.NONE, RETURNED.textBundle(),
                    RETURNED.linkPath());
            Notification n = new Notification(person, Module.FLOWS, 1, kind, "标题", NotificationText.key("k"), null,
                    Instant.EPOCH);
            NotificationMail.Text mail = NotificationMail.of(n, mailKind, MailLanguage.BOTH, "李四");
            assertTrue(mail.subject().contains("标题") && mail.subject().contains(" / "), kind + ": " + mail.subject());
        }
    }

    @Test
    void theDigestListsEachHeldLineOnceAndCountsThem() {
        NotificationMail.Text line = NotificationMail.line(returned(), RETURNED, MailLanguage.ZH);
        assertEquals("• 已退回：请假申请（李四）\n  " + NotificationMail.baseUrl() + "/flow/instance.xhtml?id=4711",
                line.body());
        OutboxMail held = new OutboxMail(1L, RETURNED.code(), 2L, "lisi@example.edu.cn", line, true, Instant.EPOCH);
        NotificationMail.Text digest = NotificationMail.digest(List.of(held, held), MailLanguage.ZH, "李四");
        assertEquals("协同办公系统：今日通知 2 条", digest.subject());
        assertTrue(digest.body().contains(line.body()), digest.body());
        assertFalse(digest.body().contains("NOTE-SECRET"));
    }

    @Test
    void eachOutboxMailHasAMessageIdOfItsOwnFixedWhenItIsMade() {
        NotificationMail.Text text = new NotificationMail.Text("s", "b");
        OutboxMail one = new OutboxMail(1L, "FLOWS.TODO", 1L, "a@b.cn", text, false, Instant.EPOCH);
        OutboxMail two = new OutboxMail(1L, "FLOWS.TODO", 1L, "a@b.cn", text, false, Instant.EPOCH);
        assertTrue(one.getMessageId().matches("<[0-9a-f-]{36}\\.outbox@xietong>"), one.getMessageId());
        assertFalse(one.getMessageId().equals(two.getMessageId()));
        assertEquals(OutboxState.PENDING, one.getState());
    }
}
