package cn.edu.xietong.it.mailbox;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.MailboxData;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.mail.OutboxMail;
import cn.edu.xietong.mailbox.AddressKind;
import cn.edu.xietong.mailbox.AddressTarget;
import cn.edu.xietong.mailbox.DraftInput;
import cn.edu.xietong.mailbox.EntryRole;
import cn.edu.xietong.mailbox.Folder;
import cn.edu.xietong.mailbox.ListedMail;
import cn.edu.xietong.mailbox.MailEntry;
import cn.edu.xietong.mailbox.MailGroups;
import cn.edu.xietong.mailbox.MailSearch;
import cn.edu.xietong.mailbox.MailSending;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.mailbox.MailboxCleanup;
import cn.edu.xietong.mailbox.MailboxPolicies;
import cn.edu.xietong.mailbox.OpenedMail;
import cn.edu.xietong.mailbox.Recipient;
import cn.edu.xietong.mailbox.SameNameWarning;
import cn.edu.xietong.mailbox.SavedDraft;
import cn.edu.xietong.mailbox.SentMail;
import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.function.Executable;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Internal mail (A4, A5, O2.7) through its services on the real database: storage once, delivery, receipts, recall,
 * refusals that change nothing, a mailbox readable by its owner alone, search, folders, quota and cleanup.
 */
@ExtendWith(ArquillianExtension.class)
class MailboxIT {

    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Parameters(1024, 1, 1));
    private static final String PASSWORD = "Mailbox#2026x";

    @EJB
    private TestData data;

    @EJB
    private MailboxData stored;

    @EJB
    private MailSending sending;

    @EJB
    private Mailbox mailbox;

    @EJB
    private MailGroups groups;

    @EJB
    private MailboxPolicies policies;

    @EJB
    private MailboxCleanup cleanup;

    @EJB
    private Notifications notifications;

    @EJB
    private FileStore files;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private OfficeClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Person someone() {
        return data.person(PASSWORD, CHEAP);
    }

    private static DraftInput to(String subject, String html, Recipient... recipients) {
        return new DraftInput(subject, html, List.of(recipients), List.of(), null, null);
    }

    private static Recipient person(AddressKind kind, Person p) {
        return Recipient.person(kind, p.getLogin());
    }

    private SentMail send(Person from, DraftInput input) throws Exception {
        return AsPerson.call(from, () -> sending.send(null, input));
    }

    @Test
    void aMailToAWholeUnitIsStoredOnceWithOneSmallEntryPerMailbox() throws Exception {
        Unit unit = data.unit();
        for (int i = 0; i < 5; i++) {
            data.personIn(unit, PASSWORD, CHEAP);
        }
        Person sender = someone();
        FileInfo file = AsPerson.call(sender, () -> files.upload("通知附件.pdf", SampleFiles.PDF));
        long filesBefore = data.count(StoredFile.class);
        SentMail sent = send(sender, new DraftInput("全院通知", "<p>请查收</p>",
                List.of(new Recipient(AddressKind.TO, AddressTarget.UNIT, unit.getId().toString())),
                List.of(file.uid()), null, null));
        assertEquals(5, sent.recipients());
        assertEquals(1, stored.rows("mail_message", sent.mailId()));
        assertEquals(1, stored.rows("mail_attachment", sent.mailId()));
        assertEquals(6, stored.rows("mail_entry", sent.mailId()), "the sender's entry and one per member");
        assertEquals(filesBefore, data.count(StoredFile.class), "the attachment's bytes are not copied");
        List<MailEntry> entries = stored.entries(sent.mailId());
        assertEquals(1, entries.stream().filter(e -> e.getRole() == EntryRole.SENDER && e.getFolder() == Folder.SENT)
                .count());
        assertTrue(entries.stream().filter(e -> e.getRole() != EntryRole.SENDER)
                .allMatch(e -> e.getFolder() == Folder.INBOX && !e.isSeen() && e.getOpenedAt() == null));
    }

    @Test
    void theRecipientFindsItUnreadAndOpeningItIsTheSendersReadReceipt() throws Exception {
        Person sender = someone();
        Person reader = someone();
        SentMail sent = send(sender, to("会议纪要", "<p>见附件</p>", person(AddressKind.TO, reader)));

        assertEquals(1, AsPerson.call(reader, () -> mailbox.unreadCount()));
        List<ListedMail> inbox = AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 50));
        assertEquals(1, inbox.size());
        assertFalse(inbox.get(0).seen());
        assertEquals("会议纪要", inbox.get(0).subject());
        OpenedMail beforeOpening = AsPerson.call(sender, () -> mailbox.open(sent.mailId()));
        assertNull(beforeOpening.receipts().get(0).openedAt());
        assertTrue(beforeOpening.recallable());

        OpenedMail read = AsPerson.call(reader, () -> mailbox.open(sent.mailId()));
        assertFalse(read.sent());
        assertTrue(read.receipts().isEmpty(), "receipts are the sender's alone");
        assertEquals(sender.getLogin(), read.sender().login());
        assertEquals(0, AsPerson.call(reader, () -> mailbox.unreadCount()));

        OpenedMail asSender = AsPerson.call(sender, () -> mailbox.open(sent.mailId()));
        assertTrue(asSender.sent());
        assertEquals(reader.getLogin(), asSender.receipts().get(0).person().login());
        assertNotNull(asSender.receipts().get(0).openedAt());
        assertFalse(asSender.recallable(), "opened: no longer recallable");
    }

    @Test
    void blindCopiesAreSeenByTheSenderOnly() throws Exception {
        Person sender = someone();
        Person to = someone();
        Person hidden = someone();
        SentMail sent = send(sender, to("预算", "<p>草案</p>", person(AddressKind.TO, to),
                person(AddressKind.BCC, hidden)));
        for (Person reader : List.of(to, hidden)) {
            OpenedMail read = AsPerson.call(reader, () -> mailbox.open(sent.mailId()));
            assertTrue(read.addresses().stream().noneMatch(l -> l.kind() == AddressKind.BCC),
                    "a recipient never sees the blind copies");
            assertFalse(read.addresses().stream().anyMatch(l -> l.person() != null
                    && l.person().login().equals(hidden.getLogin())));
        }
        OpenedMail own = AsPerson.call(sender, () -> mailbox.open(sent.mailId()));
        assertTrue(own.addresses().stream().anyMatch(l -> l.kind() == AddressKind.BCC
                && l.person().login().equals(hidden.getLogin())));
        List<ListedMail> found = AsPerson.call(to, () -> mailbox.search(new MailSearch(null, hidden.getLogin(), null,
                null, null, null, null, null)));
        assertTrue(found.isEmpty(), "nor finds the mail by them");
    }

    @Test
    void aMailNobodyOpenedIsRecalledFromEveryInbox() throws Exception {
        Person sender = someone();
        Person a = someone();
        Person b = someone();
        SentMail sent = send(sender, to("发错了", "<p>请忽略</p>", person(AddressKind.TO, a), person(AddressKind.CC, b)));
        AsPerson.run(sender, () -> sending.recall(sent.mailId()));
        for (Person reader : List.of(a, b)) {
            assertTrue(AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 50)).isEmpty());
            DomainException gone = assertThrows(DomainException.class,
                    () -> AsPerson.call(reader, () -> mailbox.open(sent.mailId())));
            assertEquals("mailbox.recalled", gone.messageKey());
        }
        assertTrue(AsPerson.call(sender, () -> mailbox.open(sent.mailId())).recalled());
    }

    @Test
    void aRecallAfterOpeningIsRefusedAndChangesNothing() throws Exception {
        Person sender = someone();
        Person a = someone();
        Person b = someone();
        SentMail sent = send(sender, to("已读", "<p>内容</p>", person(AddressKind.TO, a), person(AddressKind.TO, b)));
        AsPerson.call(a, () -> mailbox.open(sent.mailId()));
        DomainException refused = assertThrows(DomainException.class,
                () -> AsPerson.run(sender, () -> sending.recall(sent.mailId())));
        assertEquals("mailbox.recall.opened", refused.messageKey());
        assertEquals(1, AsPerson.call(b, () -> mailbox.list(Folder.INBOX, 0, 50)).size(), "b still has it");
        assertFalse(AsPerson.call(sender, () -> mailbox.open(sent.mailId())).recalled());
        Person stranger = someone();
        assertThrows(EJBAccessException.class, () -> AsPerson.run(stranger, () -> sending.recall(sent.mailId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(a, () -> sending.recall(sent.mailId())));
    }

    @Test
    void badSendsAreRefusedWithTheirReasonAndStoreNothing() throws Exception {
        Person sender = someone();
        Person left = someone();
        data.deactivate(left);
        Unit closed = data.unit();
        stored.modules(closed, EnumSet.of(Module.FLOWS));
        Person noMail = data.personIn(closed, PASSWORD, CHEAP);
        long before = stored.mailsBy(sender.getId());

        expectRefusal("mailbox.noRecipients", sender, to("空", "<p>无人</p>"));
        expectRefusal("mailbox.recipientInactive", sender, to("离职", "<p>x</p>", person(AddressKind.TO, left)));
        expectRefusal("mailbox.recipientWithoutMail", sender, to("无模块", "<p>x</p>", person(AddressKind.TO, noMail)));
        expectRefusal("mailbox.unitWithoutMail", sender, to("全单位", "<p>x</p>",
                new Recipient(AddressKind.TO, AddressTarget.UNIT, closed.getId().toString())));
        expectRefusal("mailbox.noSuchPerson", sender, to("伪造", "<p>x</p>",
                Recipient.person(AddressKind.TO, "nobody-" + System.nanoTime())));
        assertEquals(before, stored.mailsBy(sender.getId()), "no half-saved draft is left by a refused send");

        assertThrows(EJBAccessException.class, () -> AsPerson.call(noMail, () -> mailbox.list(Folder.INBOX, 0, 10)),
                "a unit without the mail module has no mailbox (O2.7)");
    }

    private void expectRefusal(String key, Person sender, DraftInput input) {
        DomainException e = assertThrows(DomainException.class, () -> send(sender, input));
        assertEquals(key, e.messageKey());
    }

    @Test
    void aMailboxIsItsOwnersAloneAdministratorsIncluded() throws Exception {
        Person sender = someone();
        Person reader = someone();
        FileInfo file = AsPerson.call(sender, () -> files.upload("机密.pdf", SampleFiles.PDF));
        SentMail sent = send(sender, new DraftInput("私信", "<p>只给你</p>",
                List.of(person(AddressKind.TO, reader)), List.of(file.uid()), null, null));
        long readerEntry = AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 10)).get(0).entryId();
        Unit unit = data.unit();
        List<Person> others = List.of(someone(), data.personIn(unit, PASSWORD, CHEAP, Role.SYS_ADMIN),
                data.personIn(unit, PASSWORD, CHEAP, Role.AUDIT_ADMIN),
                data.personIn(unit, PASSWORD, CHEAP, Role.SECURITY_ADMIN));
        for (Person other : others) {
            List<Executable> attempts = List.of(
                    () -> AsPerson.call(other, () -> mailbox.open(sent.mailId())),
                    () -> AsPerson.call(other, () -> mailbox.attachment(sent.mailId(), file.uid())),
                    () -> AsPerson.run(other, () -> mailbox.markSeen(List.of(readerEntry), true)),
                    () -> AsPerson.run(other, () -> mailbox.trash(List.of(readerEntry))),
                    () -> AsPerson.run(other, () -> mailbox.flag(List.of(readerEntry), true)),
                    () -> AsPerson.call(other, () -> sending.reply(sent.mailId(), true, Locale.ENGLISH)),
                    () -> AsPerson.call(other, () -> sending.forward(sent.mailId(), Locale.ENGLISH)),
                    () -> AsPerson.call(other, () -> sending.draft(sent.mailId())),
                    () -> AsPerson.call(other, () -> sending.save(null, new DraftInput("偷", "", List.of(),
                            List.of(file.uid()), null, null))),
                    () -> AsPerson.call(other, () -> mailbox.open(Long.MAX_VALUE)));
            for (Executable attempt : attempts) {
                assertThrows(EJBAccessException.class, attempt, other.roleSet().toString());
            }
            assertTrue(AsPerson.call(other, () -> mailbox.search(new MailSearch(null, null, "私信", null, null, null,
                    null, null))).isEmpty());
        }
        ListedMail still = AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 10)).get(0);
        assertFalse(still.seen(), "nothing the others tried changed the reader's mailbox");
        assertFalse(still.flagged());
        assertEquals(SampleFiles.PDF.length, AsPerson.call(reader,
                () -> mailbox.attachment(sent.mailId(), file.uid())).content().length);
    }

    @Test
    void searchFindsByEachPartWithinOnesOwnMailbox() throws Exception {
        Person sender = data.personNamed(data.unit(), "欧阳娜娜", PASSWORD, CHEAP);
        Person reader = someone();
        FileInfo file = AsPerson.call(sender, () -> files.upload("经费预算表.pdf", SampleFiles.PDF));
        send(sender, new DraftInput("实验室安全检查", "<p>请于<b>周三</b>前完成自查</p>",
                List.of(person(AddressKind.TO, reader)), List.of(file.uid()), null, null));
        send(sender, to("其他事项", "<p>无关</p>", person(AddressKind.TO, reader)));

        assertEquals(1, find(reader, new MailSearch(null, null, "安全检查", null, null, null, null, null)));
        assertEquals(1, find(reader, new MailSearch(null, null, null, "周三前", null, null, null, null)));
        assertEquals(1, find(reader, new MailSearch(null, null, null, null, "预算表", null, null, null)));
        assertEquals(2, find(reader, new MailSearch("欧阳", null, null, null, null, null, null, null)));
        assertEquals(2, find(reader, new MailSearch(null, null, null, null, null, LocalDate.now().minusDays(1),
                LocalDate.now().plusDays(1), null)));
        assertEquals(0, find(reader, new MailSearch(null, null, null, null, null, LocalDate.now().plusDays(2),
                null, null)));
        assertEquals(0, find(reader, new MailSearch(null, null, "100%_", null, null, null, null, null)),
                "wildcards typed are searched as text");
        assertEquals(1, find(sender, new MailSearch(null, reader.getFullName(), "安全", null, null, null, null,
                Folder.SENT)));
    }

    private int find(Person who, MailSearch search) throws Exception {
        return AsPerson.call(who, () -> mailbox.search(search)).size();
    }

    @Test
    void draftsAreSavedAndResumedAndNobodyElseSeesThem() throws Exception {
        Person writer = someone();
        Person reader = someone();
        SavedDraft first = AsPerson.call(writer, () -> sending.save(null,
                to("草稿", "<p>第一版</p>", person(AddressKind.TO, reader))));
        SavedDraft again = AsPerson.call(writer, () -> sending.save(first.mailId(),
                to("草稿", "<p>第二版</p><script>x()</script>", person(AddressKind.TO, reader))));
        assertEquals(first.mailId(), again.mailId());
        assertTrue(again.cleaned(), "the writer is told that the script was removed");
        DraftInput resumed = AsPerson.call(writer, () -> sending.draft(first.mailId()));
        assertEquals("<p>第二版</p>", resumed.html());
        assertEquals(reader.getLogin(), resumed.recipients().get(0).key());
        assertEquals(1, AsPerson.call(writer, () -> mailbox.count(Folder.DRAFTS)));
        assertTrue(AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 10)).isEmpty());
        assertThrows(EJBAccessException.class, () -> AsPerson.call(reader, () -> mailbox.open(first.mailId())));

        AsPerson.call(writer, () -> sending.send(first.mailId(), resumed));
        assertEquals(0, AsPerson.call(writer, () -> mailbox.count(Folder.DRAFTS)));
        assertEquals(1, AsPerson.call(writer, () -> mailbox.count(Folder.SENT)));
        DomainException sentAlready = assertThrows(DomainException.class,
                () -> AsPerson.call(writer, () -> sending.save(first.mailId(), resumed)));
        assertEquals("mailbox.alreadySent", sentAlready.messageKey());
    }

    @Test
    void aNewMailReachesTheRecipientsNotificationCentre() throws Exception {
        Person sender = data.personNamed(data.unit(), "李四", PASSWORD, CHEAP);
        Person reader = someone();
        SentMail sent = send(sender, to("周报", "<p>本周工作</p>", person(AddressKind.TO, reader)));
        List<ListedNotification> told = AsPerson.call(reader, () -> notifications.mine());
        assertEquals(1, told.size());
        assertEquals(Module.MAIL, told.get(0).module());
        assertEquals(sent.mailId(), told.get(0).objectId());
        assertEquals("周报", told.get(0).subject());
        assertTrue(AsPerson.call(sender, () -> notifications.mine()).isEmpty());
        List<OutboxMail> mails = data.outboxOf(reader);
        assertEquals(1, mails.size(), "a new mail goes to the e-mail at once by default (C2)");
        assertEquals("MAIL.NEW", mails.get(0).getKind());
        assertTrue(mails.get(0).getBody().contains("/mail/read.xhtml?mail=" + sent.mailId()), mails.get(0).getBody());
        assertFalse(mails.get(0).getBody().contains("本周工作"), "the mail's text stays in Xietong (S4)");
    }

    @Test
    void aPersonReachedTwiceReceivesOneCopyAsTheStrongestAddress() throws Exception {
        Unit unit = data.unit();
        Person leader = data.personIn(unit, PASSWORD, CHEAP, Role.UNIT_LEADER);
        Person member = data.personIn(unit, PASSWORD, CHEAP);
        Person sender = someone();
        SentMail toLeaders = send(sender, to("领导", "<p>x</p>",
                new Recipient(AddressKind.TO, AddressTarget.UNIT_LEADERS, unit.getId().toString())));
        assertEquals(1, toLeaders.recipients(), "the unit's leaders only");
        assertEquals(1, AsPerson.call(leader, () -> mailbox.count(Folder.INBOX)));
        assertEquals(0, AsPerson.call(member, () -> mailbox.count(Folder.INBOX)));

        SentMail twice = send(sender, to("全体", "<p>x</p>",
                new Recipient(AddressKind.CC, AddressTarget.UNIT, unit.getId().toString()),
                person(AddressKind.TO, leader)));
        assertEquals(2, twice.recipients());
        assertEquals(EntryRole.TO, stored.entries(twice.mailId()).stream()
                .filter(e -> e.getOwner().getId().equals(leader.getId())).findFirst().orElseThrow().getRole());
    }

    @Test
    void aPersonalGroupIsItsOwnersAddress() throws Exception {
        Person owner = someone();
        Person a = someone();
        Person b = someone();
        long group = AsPerson.call(owner, () -> groups.create("课题组", List.of(a.getLogin(), b.getLogin())));
        SentMail sent = send(owner, to("组会", "<p>周五</p>",
                new Recipient(AddressKind.TO, AddressTarget.GROUP, Long.toString(group))));
        assertEquals(2, sent.recipients());
        Person stranger = someone();
        assertThrows(EJBAccessException.class, () -> send(stranger, to("借用", "<p>x</p>",
                new Recipient(AddressKind.TO, AddressTarget.GROUP, Long.toString(group)))));
        assertThrows(EJBAccessException.class, () -> AsPerson.run(stranger, () -> groups.delete(group)));
        assertTrue(AsPerson.call(stranger, () -> groups.mine()).isEmpty());
    }

    @Test
    void aSenderOverQuotaMustCleanUpFirstButStillReceives() throws Exception {
        Person sender = someone();
        Person friend = someone();
        admin.call(() -> {
            policies.setQuota(sender.getLogin(), 1);
            return null;
        });
        String big = "<p>" + "很".repeat(400_000) + "</p>"; // 1.2 MB of UTF-8
        send(sender, to("大邮件", big, person(AddressKind.TO, friend)));
        assertTrue(AsPerson.call(sender, () -> mailbox.usage()).over());
        long before = stored.mailsBy(sender.getId());
        DomainException refused = assertThrows(DomainException.class,
                () -> send(sender, to("再发", "<p>x</p>", person(AddressKind.TO, friend))));
        assertEquals("mailbox.overQuota", refused.messageKey());
        assertEquals(before, stored.mailsBy(sender.getId()));

        send(friend, to("回信", "<p>收到</p>", person(AddressKind.TO, sender)));
        assertEquals(1, AsPerson.call(sender, () -> mailbox.count(Folder.INBOX)), "receiving still works");

        long sentEntry = AsPerson.call(sender, () -> mailbox.list(Folder.SENT, 0, 10)).get(0).entryId();
        AsPerson.run(sender, () -> mailbox.trash(List.of(sentEntry)));
        assertTrue(AsPerson.call(sender, () -> mailbox.usage()).over(), "the trash still counts");
        AsPerson.run(sender, () -> mailbox.removeForever(List.of(sentEntry)));
        assertFalse(AsPerson.call(sender, () -> mailbox.usage()).over());
        send(sender, to("再发", "<p>x</p>", person(AddressKind.TO, friend)));
    }

    @Test
    void ownFoldersTrashAndTheWeeklyCleanupFollowThePolicy() throws Exception {
        Person sender = someone();
        Person reader = someone();
        send(sender, to("一", "<p>1</p>", person(AddressKind.TO, reader)));
        send(sender, to("二", "<p>2</p>", person(AddressKind.TO, reader)));
        List<ListedMail> inbox = AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 10));
        long folder = AsPerson.call(reader, () -> mailbox.createFolder("项目"));
        DomainException taken = assertThrows(DomainException.class,
                () -> AsPerson.call(reader, () -> mailbox.createFolder(" 项目 ")));
        assertEquals("mailbox.folder.taken", taken.messageKey());
        AsPerson.run(reader, () -> mailbox.moveToFolder(List.of(inbox.get(0).entryId()), folder));
        assertEquals(1, AsPerson.call(reader, () -> mailbox.listFolder(folder, 0, 10)).size());
        DomainException notEmpty = assertThrows(DomainException.class,
                () -> AsPerson.run(reader, () -> mailbox.deleteFolder(folder)));
        assertEquals("mailbox.folder.notEmpty", notEmpty.messageKey());
        Person other = someone();
        assertThrows(EJBAccessException.class, () -> AsPerson.call(other, () -> mailbox.listFolder(folder, 0, 10)));

        AsPerson.run(reader, () -> mailbox.trash(List.of(inbox.get(1).entryId())));
        assertEquals(1, AsPerson.call(reader, () -> mailbox.count(Folder.TRASH)));
        int policyDays = admin.call(() -> policies.policy().getTrashDays());
        clock.moveTo(clock.now().plus(Duration.ofDays(policyDays - 1)));
        admin.call(() -> cleanup.emptyOldTrash(1000));
        assertEquals(1, AsPerson.call(reader, () -> mailbox.count(Folder.TRASH)), "not yet past the policy's days");
        clock.moveTo(clock.now().plus(Duration.ofDays(2)));
        assertTrue(admin.call(() -> cleanup.emptyOldTrash(1000)) >= 1);
        assertEquals(0, AsPerson.call(reader, () -> mailbox.count(Folder.TRASH)));
        assertEquals(1, AsPerson.call(reader, () -> mailbox.listFolder(folder, 0, 10)).size(),
                "mail outside the trash stays");
    }

    @Test
    void writingToSomeoneWhoseNameWasMailedInAnotherUnitWarns() throws Exception {
        Person sender = someone();
        Person wangWeiA = data.personNamed(data.unit(), "周同名", PASSWORD, CHEAP);
        Person wangWeiB = data.personNamed(data.unit(), "周同名", PASSWORD, CHEAP);
        send(sender, to("第一次", "<p>x</p>", person(AddressKind.TO, wangWeiA)));
        assertTrue(AsPerson.call(sender, () -> sending.sameNameWarnings(List.of(wangWeiA.getLogin()))).isEmpty());
        List<SameNameWarning> warnings = AsPerson.call(sender,
                () -> sending.sameNameWarnings(List.of(wangWeiB.getLogin())));
        assertEquals(1, warnings.size());
        assertEquals(wangWeiB.getLogin(), warnings.get(0).now().login());
        assertEquals(wangWeiA.getLogin(), warnings.get(0).lastTime().login());
        assertFalse(warnings.get(0).now().unit().equals(warnings.get(0).lastTime().unit()));
    }

    @Test
    void aReplyAllAnswersEveryoneOpenlyAddressedButNotTheWriterThemself() throws Exception {
        Person sender = someone();
        Person me = someone();
        Person cc = someone();
        Person hidden = someone();
        SentMail sent = send(sender, to("讨论", "<p>意见？</p>", person(AddressKind.TO, me), person(AddressKind.CC, cc),
                person(AddressKind.BCC, hidden)));
        DraftInput reply = AsPerson.call(me, () -> sending.reply(sent.mailId(), true, Locale.SIMPLIFIED_CHINESE));
        List<String> keys = reply.recipients().stream().map(Recipient::key).toList();
        assertEquals(Set.of(sender.getLogin(), cc.getLogin()), Set.copyOf(keys));
        assertTrue(reply.subject().startsWith("回复："), reply.subject());
        assertTrue(reply.html().contains("<blockquote>"));
        DraftInput forward = AsPerson.call(me, () -> sending.forward(sent.mailId(), Locale.ENGLISH));
        assertTrue(forward.subject().startsWith("Fwd: "), forward.subject());
        assertTrue(forward.recipients().isEmpty());
    }
}
