package cn.edu.xietong.it.mail;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.mail.Backoff;
import cn.edu.xietong.mail.Delivery;
import cn.edu.xietong.mail.MailLanguage;
import cn.edu.xietong.mail.MailPreferences;
import cn.edu.xietong.mail.OutboxAdministration;
import cn.edu.xietong.mail.OutboxMail;
import cn.edu.xietong.mail.OutboxSender;
import cn.edu.xietong.mail.OutboxState;
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

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C2: the durable outbox in the server, where no SMTP server listens (so every attempt fails). Delivery into a real
 * SMTP server, the outage and concurrent senders against it are MailOutboxDeliveryIT's.
 */
@ExtendWith(ArquillianExtension.class)
class MailOutboxIT {

    private static final PasswordHasher CHEAP = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    @EJB
    private TestData data;

    @EJB
    private OutboxSender sender;

    @EJB
    private OutboxAdministration outbox;

    @EJB
    private MailPreferences preferences;

    @EJB
    private OfficeClock clock;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private AsStaff staff;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private Person person() {
        return data.person("Outbox#Test2026", CHEAP);
    }

    @Test
    void aNotificationThePersonWantsStoresItsMailInTheSameTransaction() {
        Person person = person();
        long notification = data.notify(person, "TODO", 42, "请假申请", null);
        List<OutboxMail> mails = data.outboxOf(person);
        assertEquals(1, mails.size());
        assertEquals(notification, mails.get(0).getNotificationId());
        assertEquals(person.getEmail(), mails.get(0).getRecipient());
        assertEquals("FLOWS.TODO", mails.get(0).getKind());
        assertTrue(mails.get(0).getSubject().startsWith("新待办：请假申请"), mails.get(0).getSubject());
    }

    @Test
    void aNotificationRolledBackWithItsEventLeavesNoMail() {
        Person person = person();
        assertThrows(Exception.class, () -> data.notifyThenFail(person, "TODO"));
        assertEquals(List.of(), data.outboxOf(person));
    }

    @Test
    void aKindThePersonDoesNotWantMakesNoMail() {
        Person person = person();
        data.notify(person, "COPY", 42, "抄送", null);
        assertEquals(List.of(), data.outboxOf(person), "a copy is not mailed by default");
    }

    @Test
    void whoNeverChoseHasToDoReturnedAndOverdueAtOnceAndMayChooseOtherwise() throws Exception {
        Person person = person();
        MailPreferences.Choices defaults = AsPerson.call(person, () -> preferences.mine());
        Map<String, Delivery> byKind = defaults.choices().stream()
                .collect(Collectors.toMap(MailPreferences.Choice::code, MailPreferences.Choice::delivery));
        assertEquals(Delivery.IMMEDIATE, byKind.get("FLOWS.TODO"));
        assertEquals(Delivery.IMMEDIATE, byKind.get("FLOWS.RETURNED"));
        assertEquals(Delivery.IMMEDIATE, byKind.get("FLOWS.REMINDER"));
        assertEquals(Delivery.NONE, byKind.get("FLOWS.APPROVED"));
        assertEquals(MailLanguage.BOTH, defaults.language());
        assertEquals(person.getEmail(), defaults.address());

        AsPerson.call(person, () -> preferences.save(MailLanguage.EN, Map.of("FLOWS.TODO", Delivery.NONE,
                "FLOWS.APPROVED", Delivery.DIGEST)));
        data.notify(person, "TODO", 42, "请假申请", null);
        data.notify(person, "APPROVED", 42, "请假申请", null);
        List<OutboxMail> mails = data.outboxOf(person);
        assertEquals(1, mails.size());
        assertEquals(OutboxState.HELD, mails.get(0).getState(), "an approval waits for the digest");
        assertEquals("Approved: 请假申请", mails.get(0).getSubject());
    }

    @Test
    void anUnknownKindIsRefused() {
        Person person = person();
        DomainException refused = assertThrows(DomainException.class, () -> AsPerson.call(person,
                () -> preferences.save(MailLanguage.ZH, Map.of("FLOWS.NO_SUCH", Delivery.IMMEDIATE))));
        assertEquals("mail.preference.unknownKind", refused.messageKey());
    }

    @Test
    void heldMailsOfTheDayBecomeOneDigestPerPerson() throws Exception {
        Person person = person();
        AsPerson.call(person, () -> preferences.save(MailLanguage.ZH, Map.of("FLOWS.TODO", Delivery.DIGEST)));
        data.notify(person, "TODO", 1, "第一件", null);
        data.notify(person, "TODO", 2, "第二件", null);
        assertTrue(sender.gatherDigests(clock.now().plusSeconds(1)) >= 1); // other tests' people may have some
        sender.gatherDigests(clock.now().plusSeconds(1));
        List<OutboxMail> mails = data.outboxOf(person);
        List<OutboxMail> digests = mails.stream().filter(m -> m.getKind().equals(OutboxMail.DIGEST)).toList();
        assertEquals(1, digests.size(), "gathered once");
        OutboxMail digest = digests.get(0);
        assertEquals("协同办公系统：今日通知 2 条", digest.getSubject());
        assertTrue(digest.getBody().contains("新待办：第一件") && digest.getBody().contains("新待办：第二件"),
                digest.getBody());
        assertEquals(2, mails.stream().filter(m -> m.getState() == OutboxState.DIGESTED
                && digest.getId().equals(m.getDigestId())).count());
    }

    /** The pauses double from one minute (the defaults), and the eighth failure is the last. */
    @Test
    void aMailSmtpRefusesIsTriedAgainAfterDoublingPausesAndFailsAfterItsLastAttempt() throws Exception {
        Person person = person();
        data.notify(person, "TODO", 42, "重试", null);
        Backoff backoff = Backoff.configured();
        OutboxMail mail = await(person, m -> m.getAttempts() >= 1 && m.getState() != OutboxState.SENDING, () -> {
            sender.sendDue();
            return null;
        });
        for (int round = 0; round < 20 && mail.getState() == OutboxState.PENDING; round++) {
            assertNotNull(mail.getLastError());
            assertEquals(backoff.pauseAfter(mail.getAttempts()),
                    Duration.between(mail.getLastAttemptAt(), mail.getNextAttemptAt()), "after " + mail.getAttempts());
            clock.moveTo(mail.getNextAttemptAt());
            int before = mail.getAttempts();
            mail = await(person, m -> m.getAttempts() > before && m.getState() != OutboxState.SENDING, () -> {
                sender.sendDue();
                return null;
            });
        }
        assertEquals(OutboxState.FAILED, mail.getState());
        assertEquals(backoff.maxAttempts(), mail.getAttempts());
        assertTrue(mail.getLastError().contains("Exception"), mail.getLastError());
        Instant failedAt = clock.now();
        clock.moveTo(failedAt.plus(Duration.ofDays(1)));
        sender.sendDue();
        assertEquals(backoff.maxAttempts(), data.outboxOf(person).get(0).getAttempts(), "a FAILED mail stays so");
    }

    @Test
    void twoSendersNeverClaimOneMailTwice() throws Exception {
        Person person = person();
        for (int i = 0; i < 20; i++) {
            data.notify(person, "TODO", i, "并发 " + i, null);
        }
        clock.moveTo(clock.now().plus(Duration.ofDays(2))); // every mail is due, whatever attempts it has had
        List<Long> ids = data.outboxOf(person).stream().map(OutboxMail::getId).toList();
        ExecutorService threads = Executors.newFixedThreadPool(4);
        CountDownLatch start = new CountDownLatch(1);
        List<Long> won = Collections.synchronizedList(new ArrayList<>());
        try {
            List<Future<?>> senders = new ArrayList<>();
            for (int s = 0; s < 4; s++) {
                senders.add(threads.submit(() -> {
                    start.await();
                    for (Long id : ids) {
                        sender.claim(id, "it-" + Thread.currentThread().getId() + "-" + id)
                                .ifPresent(c -> won.add(c.id()));
                    }
                    return null;
                }));
            }
            start.countDown();
            for (Future<?> s : senders) {
                s.get();
            }
        } finally {
            threads.shutdown();
        }
        Set<Long> distinct = new HashSet<>(won);
        assertEquals(won.size(), distinct.size(), "a mail was claimed twice: " + won);
        assertFalse(won.isEmpty());
        for (OutboxMail mail : data.outboxOf(person)) {
            if (distinct.contains(mail.getId())) {
                assertEquals(OutboxState.SENDING, mail.getState());
                assertTrue(mail.getClaimedBy().startsWith("it-"), mail.getClaimedBy());
            }
        }
    }

    @Test
    void theAdministratorRetriesAFailedMailAndCancelsAWaitingOne() throws Exception {
        Person person = person();
        data.notify(person, "TODO", 1, "失败", null);
        data.notify(person, "TODO", 2, "取消", null);
        awaitIdle(person);
        assertEquals(2, data.failOutbox(person));
        List<OutboxMail> mails = data.outboxOf(person);
        long failed = mails.get(0).getId();
        long other = mails.get(1).getId();
        assertTrue(admin.call(() -> outbox.counts()).get(OutboxState.FAILED) >= 2);
        assertTrue(admin.call(() -> outbox.queue(OutboxState.FAILED, 200)).stream()
                .anyMatch(q -> q.id() == failed && q.lastError().contains("550")));

        admin.call(() -> outbox.retry(failed));
        OutboxMail retried = data.outboxOf(person).get(0);
        // a fresh set of attempts, the first of which the timer may already have made
        assertTrue(retried.getAttempts() <= 1, "attempts " + retried.getAttempts());
        assertTrue(retried.getState() == OutboxState.PENDING || retried.getState() == OutboxState.SENDING,
                String.valueOf(retried.getState()));

        admin.call(() -> outbox.cancel(other));
        assertEquals(OutboxState.CANCELLED, data.outboxOf(person).get(1).getState());
        DomainException again = assertThrows(DomainException.class, () -> admin.call(() -> outbox.cancel(other)));
        assertEquals("mail.outbox.notCancellable", again.messageKey());
        DomainException notRetryable = assertThrows(DomainException.class,
                () -> admin.call(() -> outbox.retry(other)));
        assertEquals("mail.outbox.notRetryable", notRetryable.messageKey());
    }

    @Test
    void aForgedMailIdIsRefusedAsAccessDeniedAndStaffCannotSeeTheQueue() {
        Person administrator = data.personByLogin("caoyu");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(administrator, () -> outbox.retry(Long.MAX_VALUE)));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(administrator, () -> outbox.cancel(-1)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> outbox.counts()));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> outbox.queue(null, 10)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> outbox.retry(1)));
    }

    private void awaitIdle(Person person) throws Exception {
        await(person, m -> m.getState() != OutboxState.SENDING, () -> null);
    }

    /** Runs {@code step} until the person's first mail matches (the after-commit sender and the timer run too). */
    private OutboxMail await(Person person, java.util.function.Predicate<OutboxMail> done, Callable<Void> step)
            throws Exception {
        for (int i = 0; i < 100; i++) {
            step.call();
            List<OutboxMail> mails = data.outboxOf(person);
            if (mails.stream().allMatch(done)) {
                return mails.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the outbox did not settle: " + data.outboxOf(person).stream()
                .map(m -> m.getState() + "/" + m.getAttempts()).toList());
    }
}
