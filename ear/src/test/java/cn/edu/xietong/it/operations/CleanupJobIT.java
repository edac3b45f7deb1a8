package cn.edu.xietong.it.operations;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.chat.ChatLine;
import cn.edu.xietong.chat.Conversations;
import cn.edu.xietong.cleanup.CleanupArea;
import cn.edu.xietong.cleanup.Sweeps;
import cn.edu.xietong.cleanup.WeeklyCleanup;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.documents.StoredContent;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.it.support.AsBatchOperator;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.CleanupData;
import cn.edu.xietong.it.support.Jobs;
import cn.edu.xietong.it.support.MailboxData;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.mailbox.AddressKind;
import cn.edu.xietong.mailbox.DraftInput;
import cn.edu.xietong.mailbox.Folder;
import cn.edu.xietong.mailbox.ListedMail;
import cn.edu.xietong.mailbox.MailEntry;
import cn.edu.xietong.mailbox.MailSending;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.mailbox.Recipient;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.JobProgress;
import cn.edu.xietong.operations.JobReports;
import cn.edu.xietong.operations.JobRun;
import cn.edu.xietong.operations.ReportLine;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E3, A4, C1: the weekly cleanup removes exactly the old items of every area — mail trash, drafts, mails no mailbox
 * holds with their attachments, old instant messages with their files, unattached uploads, unreferenced stored contents, presence samples, login challenges,
 * client throttles, outbox mails, job runs, job reports — and keeps the young ones, every file something refers to and
 * every audit record; its report counts each removal and the bytes freed; a run that failed half way restarts from its
 * checkpoint without removing or reporting anything twice.
 */
@ExtendWith(ArquillianExtension.class)
class CleanupJobIT {

    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Parameters(1024, 1, 1));
    private static final String PASSWORD = "Cleanup#2026x";
    /** Older than every default age of the cleanup (the longest is 400 days of presence). */
    private static final Duration LONG_AGO = Duration.ofDays(500);

    @EJB
    private BatchJobs jobs;

    @EJB
    private JobReports reports;

    @EJB
    private AsBatchOperator operator;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    @EJB
    private Conversations conversations;

    @EJB
    private Sweeps sweeps;

    @EJB
    private CleanupData cleanupData;

    @EJB
    private MailboxData mailData;

    @EJB
    private MailSending sending;

    @EJB
    private Mailbox mailbox;

    @EJB
    private FileStore files;

    @EJB
    private ContentStore store;

    private static Instant longAgo() {
        return Instant.now().minus(LONG_AGO);
    }

    /** Runs the cleanup to its end; answers its job instance. */
    private long cleanUp() throws Exception {
        long execution = operator.call(() -> jobs.start(BatchJob.CLEANUP));
        assertEquals(BatchStatus.COMPLETED, Jobs.awaitEnd(execution, Duration.ofMinutes(3)).getBatchStatus());
        return BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId();
    }

    private Map<String, JobReports.KindTotal> totals(long instance) throws Exception {
        return operator.call(() -> reports.totals(instance));
    }

    private static long lines(Map<String, JobReports.KindTotal> totals, CleanupArea area) {
        JobReports.KindTotal total = totals.get(area.kind());
        return total == null ? 0 : total.lines();
    }

    private static long bytes(Map<String, JobReports.KindTotal> totals, CleanupArea area) {
        JobReports.KindTotal total = totals.get(area.kind());
        return total == null ? 0 : total.bytes();
    }

    private Person someone() {
        return data.person(PASSWORD, CHEAP);
    }

    private long send(Person from, Person to, String subject, String... attachments) throws Exception {
        return AsPerson.call(from, () -> sending.send(null, new DraftInput(subject, "<p>" + subject + "</p>",
                List.of(Recipient.person(AddressKind.TO, to.getLogin())), List.of(attachments), null, null))).mailId();
    }

    private ListedMail listed(Person owner, Folder folder, long mailId) throws Exception {
        return AsPerson.call(owner, () -> mailbox.list(folder, 0, 200)).stream().filter(m -> m.mailId() == mailId)
                .findFirst().orElseThrow(() -> new AssertionError("mail " + mailId + " is not in " + folder));
    }

    private void trash(Person owner, Folder folder, long mailId) throws Exception {
        long entry = listed(owner, folder, mailId).entryId();
        AsPerson.run(owner, () -> mailbox.trash(List.of(entry)));
    }

    private FileInfo upload(Person owner, String name) throws Exception {
        return AsPerson.call(owner, () -> files.upload(name, SampleFiles.PDF));
    }

    private StoredContent stored(String text) throws Exception {
        byte[] bytes = (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return staff.call(() -> store.store("cleanup-test", "清理.txt", new ByteArrayInputStream(bytes)));
    }

    private boolean removed(long mailId, Person owner) {
        return mailData.entries(mailId).stream().filter(e -> e.getOwner().getId().equals(owner.getId()))
                .allMatch(MailEntry::isRemoved);
    }

    @Test
    void exactlyTheOldItemsOfEveryAreaGoWhileTheYoungOnesTheReferredFilesAndEveryAuditRecordStay() throws Exception {
        cleanUp(); // what earlier tests left behind, so that this run's report holds this test's items only
        Instant old = longAgo();
        Person a = someone();
        Person b = someone();

        // mail: trashed long ago by both mailboxes (purged with its attachment), by one (the other keeps it), now
        FileInfo attached = upload(a, "旧附件.pdf");
        long gone = send(a, b, "两边都删了", attached.uid());
        long goneSize = listed(b, Folder.INBOX, gone).size();
        trash(b, Folder.INBOX, gone);
        trash(a, Folder.SENT, gone);
        cleanupData.trashedAt(gone, old);
        cleanupData.uploadedAt(attached.uid(), old);
        FileInfo referred = upload(a, "仍被引用.pdf");
        long held = send(a, b, "发件人还留着", referred.uid());
        trash(b, Folder.INBOX, held);
        cleanupData.trashedAt(held, old);
        cleanupData.uploadedAt(referred.uid(), old);
        long young = send(a, b, "刚删的");
        trash(b, Folder.INBOX, young);
        long oldDraft = AsPerson.call(a, () -> sending.save(null, new DraftInput("旧草稿", "<p>没写完</p>",
                List.of(), List.of(), null, null))).mailId();
        long draftSize = listed(a, Folder.DRAFTS, oldDraft).size();
        cleanupData.draftSavedAt(oldDraft, old);
        long youngDraft = AsPerson.call(a, () -> sending.save(null, new DraftInput("新草稿", "<p>在写</p>",
                List.of(), List.of(), null, null))).mailId();
        // instant messages (A4): one sent long ago with a file, one now, in the same conversation
        long talk = AsPerson.call(a, () -> conversations.direct(b.getLogin()));
        FileInfo chatFile = upload(a, "旧会话文件.pdf");
        ChatLine oldMessage = AsPerson.call(a, () -> conversations.send(talk, "去年的消息", chatFile.uid()));
        cleanupData.messageSentAt(oldMessage.id(), old);
        cleanupData.uploadedAt(chatFile.uid(), old);
        ChatLine youngMessage = AsPerson.call(b, () -> conversations.send(talk, "今天的消息", null));
        // uploads attached to nothing: long ago and just now
        FileInfo orphan = upload(b, "没人要.pdf");
        cleanupData.uploadedAt(orphan.uid(), old);
        FileInfo fresh = upload(b, "刚上传.pdf");
        // document contents no version names: long ago and just now
        StoredContent oldContent = stored("旧内容");
        cleanupData.storedAt(oldContent.sha256(), old);
        StoredContent youngContent = stored("新内容");
        // presence, login challenges, client throttles, outbox mails, job runs, job reports
        LocalDate today = LocalDate.now();
        data.presence(a, today.minusDays(500), 9 * 60);
        data.presence(a, today, 9 * 60);
        String oldChallenge = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 64);
        String youngChallenge = HexFormat.of().formatHex(UUID.randomUUID().toString().getBytes()).substring(0, 64);
        data.loginChallenge(oldChallenge, a.getLogin(), Instant.now().minus(Duration.ofDays(2)));
        data.loginChallenge(youngChallenge, a.getLogin(), Instant.now());
        String oldAddress = "198.51.100." + (int) (Math.random() * 250);
        String youngAddress = "203.0.113." + (int) (Math.random() * 250);
        cleanupData.clientGuard(oldAddress, old);
        cleanupData.clientGuard(youngAddress, Instant.now());
        long oldSent = cleanupData.outbox("SENT", old);
        long youngSent = cleanupData.outbox("SENT", Instant.now());
        long oldPending = cleanupData.outbox("PENDING", old);
        long oldRun = selfCheck();
        cleanupData.ranAt(oldRun, old);
        long youngRun = selfCheck();
        long oldReport = cleanupData.jobReport("self-check", old);
        long youngReport = cleanupData.jobReport("self-check", Instant.now());
        long lastAudit = cleanupData.lastAuditSeq();
        long auditRecords = cleanupData.auditRecordsUpTo(lastAudit);

        long instance = cleanUp();

        assertTrue(removed(gone, a) && removed(gone, b));
        assertEquals(0, mailData.rows("mail_message", gone), "a mail no mailbox holds is purged");
        assertEquals(0, mailData.rows("mail_attachment", gone));
        assertEquals(0, cleanupData.count("stored_file", "uid", attached.uid()), "its attachment went with it");
        assertTrue(removed(held, b), "old trash leaves the trash for good");
        assertFalse(removed(held, a), "the sender's copy stays");
        assertEquals(1, cleanupData.count("stored_file", "uid", referred.uid()), "a file a mail names stays");
        assertFalse(removed(young, b), "young trash stays");
        assertEquals(0, mailData.rows("mail_message", oldDraft));
        assertEquals(1, mailData.rows("mail_message", youngDraft));
        assertEquals(0, cleanupData.count("chat_message", "id", oldMessage.id()), "A4: old messages do not pile up");
        assertEquals(0, cleanupData.count("stored_file", "uid", chatFile.uid()), "its file went with it");
        assertEquals(1, cleanupData.count("chat_message", "id", youngMessage.id()));
        assertEquals(List.of("今天的消息"), AsPerson.call(a, () -> conversations.open(talk, 50)).lines().stream()
                .map(ChatLine::text).toList(), "the conversation goes on with what is young");
        assertEquals(0, cleanupData.count("stored_file", "uid", orphan.uid()));
        assertEquals(1, cleanupData.count("stored_file", "uid", fresh.uid()), "a day's grace for a form being written");
        assertEquals(0, cleanupData.count("content_blob", "sha256", oldContent.sha256()));
        assertFalse(Files.exists(ContentStore.pathOf(oldContent.sha256())), "the unreferenced content's file is gone");
        assertEquals(1, cleanupData.count("content_blob", "sha256", youngContent.sha256()));
        assertTrue(Files.exists(ContentStore.pathOf(youngContent.sha256())));
        assertEquals(0, cleanupData.count("presence_day", "pday", today.minusDays(500)));
        assertTrue(cleanupData.count("presence_day", "pday", today) >= 1);
        assertEquals(0, cleanupData.count("login_challenge", "ticket_hash", oldChallenge));
        assertEquals(1, cleanupData.count("login_challenge", "ticket_hash", youngChallenge));
        assertEquals(0, cleanupData.count("client_guard", "address", oldAddress));
        assertEquals(1, cleanupData.count("client_guard", "address", youngAddress));
        assertEquals(0, cleanupData.count("mail_outbox", "id", oldSent));
        assertEquals(1, cleanupData.count("mail_outbox", "id", youngSent));
        assertEquals(1, cleanupData.count("mail_outbox", "id", oldPending), "a mail still to be sent stays");
        assertEquals(0, cleanupData.count("job_instance", "jobinstanceid", oldRun));
        assertEquals(1, cleanupData.count("job_instance", "jobinstanceid", youngRun));
        assertEquals(0, cleanupData.count("job_report", "id", oldReport));
        assertEquals(1, cleanupData.count("job_report", "id", youngReport));
        assertEquals(auditRecords, cleanupData.auditRecordsUpTo(lastAudit), "A4: no audit record is ever removed");
        JobRun run = operator.call(() -> jobs.history(BatchJob.CLEANUP, 1)).get(0);
        assertTrue(data.audits(AuditEvent.CLEANUP, BatchJob.starter(run.startedBy())).stream()
                .anyMatch(r -> r.getDetail().startsWith("job instance " + instance + ": 17 items removed")),
                "the run is summed up in the audit trail");

        Map<String, JobReports.KindTotal> totals = totals(instance);
        assertEquals(3, lines(totals, CleanupArea.MAIL_TRASH), "both entries of one mail, one of the other");
        assertEquals(1, lines(totals, CleanupArea.MAIL_DRAFTS));
        assertEquals(2, lines(totals, CleanupArea.MAIL_PURGE), "the mail both trashed and the old draft");
        assertEquals(goneSize - attached.size() + draftSize, bytes(totals, CleanupArea.MAIL_PURGE));
        assertEquals(1, lines(totals, CleanupArea.CHAT_MESSAGES), "one line per conversation");
        assertEquals("去年的消息".getBytes(StandardCharsets.UTF_8).length, bytes(totals, CleanupArea.CHAT_MESSAGES));
        assertEquals(3, lines(totals, CleanupArea.UPLOADS), "the orphan, the purged mail's and the old message's file");
        assertEquals(orphan.size() + attached.size() + chatFile.size(), bytes(totals, CleanupArea.UPLOADS));
        assertEquals(1, lines(totals, CleanupArea.CONTENT));
        assertEquals(oldContent.size(), bytes(totals, CleanupArea.CONTENT));
        for (CleanupArea area : List.of(CleanupArea.PRESENCE, CleanupArea.LOGIN_CHALLENGES,
                CleanupArea.CLIENT_THROTTLES, CleanupArea.OUTBOX, CleanupArea.JOB_RUNS, CleanupArea.JOB_REPORTS)) {
            assertEquals(1, lines(totals, area), area.name());
        }
        assertEquals(13, totals.get(WeeklyCleanup.FOUND).amount(), "what the areas held at the start");
        long kept = totals.get(WeeklyCleanup.AUDIT_KEPT).amount();
        assertTrue(kept >= auditRecords && kept < cleanupData.auditRecordsUpTo(Long.MAX_VALUE),
                "the report counts every audit record as kept: " + kept);
        JobProgress progress = operator.call(() -> jobs.progress(run)).orElseThrow();
        assertEquals(13, progress.total());
        assertEquals(100, progress.percent());
        String csv = operator.call(() -> reports.csv(instance, kind -> kind));
        assertTrue(csv.contains(oldContent.sha256()) && csv.contains(orphan.uid()), csv);
        assertFalse(csv.contains("两边都删了"), "the report names no mail's subject: the cleanup reads no mail");
    }

    private long selfCheck() throws Exception {
        long execution = operator.call(() -> jobs.start(BatchJob.SELF_CHECK));
        assertEquals(BatchStatus.COMPLETED, Jobs.awaitEnd(execution, Duration.ofMinutes(3)).getBatchStatus());
        return BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId();
    }

    @Test
    void aCleanupThatFailedHalfWayRestartsFromItsCheckpointAndRemovesNothingTwice() throws Exception {
        cleanUp();
        Person owner = someone();
        FileInfo orphan = upload(owner, "孤儿.pdf");
        cleanupData.uploadedAt(orphan.uid(), longAgo());
        StoredContent first = stored("第一");
        StoredContent second = stored("第二");
        StoredContent third = stored("第三");
        cleanupData.storedAt(first.sha256(), longAgo().minus(Duration.ofDays(3)));
        cleanupData.storedAt(second.sha256(), longAgo().minus(Duration.ofDays(2)));
        cleanupData.storedAt(third.sha256(), longAgo().minus(Duration.ofDays(1)));
        long oldSent = cleanupData.outbox("SENT", longAgo());
        // the third content's file cannot be deleted (a folder stands in its place): the content step fails on it
        Path blocked = ContentStore.pathOf(third.sha256());
        Files.delete(blocked);
        Files.createDirectories(blocked);
        Files.writeString(blocked.resolve("in-the-way"), "x");
        long execution = operator.call(() -> jobs.start(BatchJob.CLEANUP));
        long restarted;
        try {
            assertEquals(BatchStatus.FAILED, Jobs.awaitEnd(execution, Duration.ofMinutes(3)).getBatchStatus());
            long instance = BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId();
            assertEquals(0, cleanupData.count("stored_file", "uid", orphan.uid()), "the upload step committed");
            assertEquals(1, cleanupData.count("content_blob", "sha256", first.sha256()),
                    "the failed chunk's removals were rolled back");
            assertEquals(1, cleanupData.count("mail_outbox", "id", oldSent), "later areas were not reached");
            assertEquals(1, lines(totals(instance), CleanupArea.UPLOADS));
        } finally {
            Files.delete(blocked.resolve("in-the-way"));
            Files.delete(blocked);
        }
        restarted = operator.call(() -> jobs.restart(execution));
        assertEquals(BatchStatus.COMPLETED, Jobs.awaitEnd(restarted, Duration.ofMinutes(3)).getBatchStatus());
        long instance = BatchRuntime.getJobOperator().getJobInstance(restarted).getInstanceId();

        List<ReportLine> lines = operator.call(() -> reports.lines(instance));
        Map<String, Long> contents = lines.stream().filter(l -> l.kind().equals(CleanupArea.CONTENT.kind()))
                .collect(Collectors.groupingBy(ReportLine::subject, Collectors.counting()));
        assertEquals(Map.of(first.sha256(), 1L, second.sha256(), 1L, third.sha256(), 1L), contents,
                "each content reported once, the failed chunk's included");
        assertEquals(1, lines.stream().filter(l -> l.subject().endsWith(orphan.uid())).count());
        assertEquals(1, lines.stream().filter(l -> l.kind().equals(CleanupArea.OUTBOX.kind())).count());
        assertEquals(first.size() + second.size() + third.size(), bytes(totals(instance), CleanupArea.CONTENT));
        for (StoredContent content : List.of(first, second, third)) {
            assertEquals(0, cleanupData.count("content_blob", "sha256", content.sha256()));
            assertFalse(Files.exists(ContentStore.pathOf(content.sha256())));
        }
        assertEquals(0, cleanupData.count("mail_outbox", "id", oldSent));
    }

    @Test
    void aContentRemovedWhileTheSameBytesAreUploadedIsStoredAgainNotLost() throws Exception {
        byte[] bytes = ("同样的内容 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        StoredContent old = staff.call(() -> store.store("cleanup-test", "同样.txt", new ByteArrayInputStream(bytes)));
        cleanupData.storedAt(old.sha256(), longAgo());
        CountDownLatch removed = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            // The cleanup removes the old unreferenced content and, before its transaction ends, the same bytes come in.
            Future<Optional<ReportLine>> cleanup = pool.submit(() -> operator.call(() -> {
                Optional<ReportLine> line = sweeps.remove(CleanupArea.CONTENT, old.sha256(), Instant.now());
                removed.countDown();
                assertTrue(release.await(30, TimeUnit.SECONDS));
                return line;
            }));
            assertTrue(removed.await(30, TimeUnit.SECONDS));
            Future<StoredContent> upload = pool.submit(() -> staff.call(() -> store.store("cleanup-test", "又一份.txt",
                    new ByteArrayInputStream(bytes))));
            try {
                upload.get(1500, TimeUnit.MILLISECONDS); // the upload either waits for the removal or ends before it
            } catch (TimeoutException waiting) {
                // it waits: the removal's lock holds it until the removal commits
            }
            release.countDown();
            assertTrue(cleanup.get(30, TimeUnit.SECONDS).isPresent(), "the old content was removed");
            assertEquals(old.sha256(), upload.get(30, TimeUnit.SECONDS).sha256());
        } finally {
            release.countDown();
            pool.shutdown();
        }
        assertEquals(1, cleanupData.count("content_blob", "sha256", old.sha256()), "the upload's content has its row");
        assertArrayEquals(bytes, Files.readAllBytes(ContentStore.pathOf(old.sha256())), "and its file");
    }

    @Test
    void onlyBatchOperatorsRunTheCleanupAndReadItsReports() {
        assertThrows(EJBAccessException.class, () -> staff.call(() -> jobs.start(BatchJob.CLEANUP)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> reports.totals(1L)));
    }
}
