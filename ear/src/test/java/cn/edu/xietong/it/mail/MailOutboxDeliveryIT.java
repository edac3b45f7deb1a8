package cn.edu.xietong.it.mail;

import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * C2, S4: notification e-mails through the outbox into a real SMTP server (GreenMail, where the test server's gateway
 * points): nothing is lost while the SMTP server is down and nothing is sent twice when it is back, senders running
 * at once send each mail once, and no mail carries what a note or a form says.
 */
class MailOutboxDeliveryIT extends BrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final String PASSWORD = "Outbox-Test-2026";

    @Test
    void twentyNotificationsMadeWhileSmtpIsDownArriveExactlyOnceWhenItIsBack() throws Exception {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        SMTP.stop();
        try {
            FixtureServlet.call(base, "/notify?login=" + person + "&kind=TODO&count=20");
            FixtureServlet.call(base, "/outbox-send");
            String states = awaitStates(person, "PENDING");
            assertEquals(20, states.split(",").length, states);
            assertEquals(List.of(), mailsTo(person));
        } finally {
            SMTP.start();
        }
        try {
            // the retries are due after their back-off: move the office clock past it
            FixtureServlet.call(base, "/clock?at=" + java.time.Instant.now().plusSeconds(3600));
            FixtureServlet.call(base, "/outbox-send");
            assertEquals(String.join(",", java.util.Collections.nCopies(20, "SENT")), awaitStates(person, "SENT"));
            FixtureServlet.call(base, "/outbox-send");
            Thread.sleep(1000);
            List<MimeMessage> mails = mailsTo(person);
            assertEquals(20, mails.size(), "exactly 20 arrive");
            assertEquals(20, new HashSet<>(messageIds(mails)).size(), "twenty different mails");
            for (MimeMessage mail : mails) {
                assertTrue(mail.getSubject().startsWith("新待办：测试事项 "), mail.getSubject());
                assertTrue(mail.getHeader("Message-ID")[0].endsWith(".outbox@xietong>"));
            }
        } finally {
            FixtureServlet.call(base, "/clock-reset");
        }
    }

    /** A mail to many (250 notifications, more than a sender takes at once) is sent in one go, not 100 a tick. */
    @Test
    void oneSenderDrainsEveryDueMailNotJustOneBatch() throws Exception {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        SMTP.stop();
        try {
            FixtureServlet.call(base, "/notify?login=" + person + "&kind=TODO&count=250");
        } finally {
            SMTP.start();
        }
        try {
            FixtureServlet.call(base, "/clock?at=" + java.time.Instant.now().plusSeconds(3600));
            FixtureServlet.call(base, "/outbox-send");
            String states = FixtureServlet.call(base, "/outbox?login=" + person);
            assertEquals(250, states.split(",").length);
            assertEquals(0, Arrays.stream(states.split(",")).filter("PENDING"::equals).count(),
                    "nothing due is left for a later tick: " + states);
            assertEquals(String.join(",", java.util.Collections.nCopies(250, "SENT")), awaitStates(person, "SENT"));
        } finally {
            FixtureServlet.call(base, "/clock-reset");
        }
    }

    @Test
    void sendersRunningAtOnceSendEachMailOnce() throws Exception {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        SMTP.stop();
        try {
            FixtureServlet.call(base, "/notify?login=" + person + "&kind=RETURNED&count=30");
            awaitStates(person, "PENDING");
        } finally {
            SMTP.start();
        }
        try {
            FixtureServlet.call(base, "/clock?at=" + java.time.Instant.now().plusSeconds(3600));
            List<CompletableFuture<String>> senders = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                senders.add(CompletableFuture.supplyAsync(() -> FixtureServlet.call(base, "/outbox-send")));
            }
            senders.forEach(CompletableFuture::join);
            awaitStates(person, "SENT");
            Thread.sleep(1000);
            List<MimeMessage> mails = mailsTo(person);
            assertEquals(30, mails.size());
            assertEquals(30, new HashSet<>(messageIds(mails)).size());
        } finally {
            FixtureServlet.call(base, "/clock-reset");
        }
    }

    @Test
    void noMailCarriesWhatANoteOrAFormSays() throws Exception {
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF");
        FixtureServlet.call(base, "/notify?login=" + person + "&kind=RETURNED&count=1&note=CONFIDENTIAL-REASON-4711");
        awaitStates(person, "SENT");
        MimeMessage mail = awaitMailsTo(person, 1).get(0);
        String body = (String) mail.getContent();
        assertFalse(body.contains("CONFIDENTIAL-REASON-4711"), body);
        assertTrue(body.contains("/flow/instance.xhtml?id=9000000"), body);
        assertTrue(body.contains("本邮件只含事项名称和链接"), body);

        // a real flow: the approver's to-do mail names the request and links to it; the form's values stay home
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + unit);
        String instance = FixtureServlet.call(base, "/leave?login=" + staff + "&days=1");
        List<MimeMessage> todo = awaitMailsWithLink("/flow/instance.xhtml?id=" + instance);
        assertFalse(todo.isEmpty(), "the approver is mailed about the new to-do");
        for (MimeMessage m : todo) {
            String text = (String) m.getContent();
            for (String value : List.of("事由", "事假", "2026-12-07")) {
                assertFalse(text.contains(value), value + " left in a mail: " + text);
            }
        }
    }

    private String awaitStates(String login, String state) throws InterruptedException {
        String states = "";
        for (int i = 0; i < 150; i++) {
            states = FixtureServlet.call(base, "/outbox?login=" + login);
            if (!states.isEmpty() && Arrays.stream(states.split(",")).allMatch(state::equals)) {
                return states;
            }
            if (i % 10 == 9) {
                FixtureServlet.call(base, "/outbox-send");
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not all " + state + ": " + states);
    }

    private static List<MimeMessage> mailsTo(String login) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).contains(login + "@")).toList();
    }

    private static List<MimeMessage> awaitMailsTo(String login, int count) throws InterruptedException {
        for (int i = 0; i < 100 && mailsTo(login).size() < count; i++) {
            Thread.sleep(100);
        }
        return mailsTo(login);
    }

    private static List<MimeMessage> awaitMailsWithLink(String link) throws Exception {
        List<MimeMessage> found = List.of();
        for (int i = 0; i < 100 && found.isEmpty(); i++) {
            Thread.sleep(100);
            found = new ArrayList<>();
            for (MimeMessage m : SMTP.getReceivedMessages()) {
                if (String.valueOf(m.getContent()).contains(link)) {
                    found.add(m);
                }
            }
        }
        return found;
    }

    private static List<String> messageIds(List<MimeMessage> mails) throws MessagingException {
        List<String> ids = new ArrayList<>();
        for (MimeMessage m : mails) {
            ids.add(m.getHeader("Message-ID")[0]);
        }
        return ids;
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
