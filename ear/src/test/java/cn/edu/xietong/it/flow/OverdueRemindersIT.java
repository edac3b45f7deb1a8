package cn.edu.xietong.it.flow;

import cn.edu.xietong.it.support.BrowserTest;
import cn.edu.xietong.it.support.FixtureServlet;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B2, A2: an overdue to-do is found when the office clock passes its deadline; the handler (leader of a sub-office)
 * is reminded once, in the application and by e-mail through the gateway's outbox (C2; GreenMail is the SMTP server),
 * and one working day later the leader of the unit above is told and the signed trail records the escalation. (The
 * handler's mail about the new to-do is left aside here: only reminders and escalations are counted.)
 */
class OverdueRemindersIT extends BrowserTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final String PASSWORD = "Overdue-Test-2026";
    private static final String REMINDER = "待办超期提醒";
    private static final String ESCALATION = "本单位待办超期";

    @Test
    void anOverdueToDoIsRemindedOnceAndThenEscalatedToTheHandlersUnitLeader() throws Exception {
        String leader = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER");
        String unit = FixtureServlet.call(base, "/unit-of?login=" + leader);
        String office = FixtureServlet.call(base, "/sub-unit?of=" + unit);
        String handler = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_LEADER&unit=" + office);
        String staff = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=STAFF&unit=" + office);
        try {
            // Friday 9 October 2026, 10:00 in Shanghai: due on the make-up Saturday, 10 October, 10:00.
            FixtureServlet.call(base, "/clock?at=2026-10-09T02:00:00Z");
            String instance = FixtureServlet.call(base, "/leave?login=" + staff + "&days=1");

            FixtureServlet.call(base, "/clock?at=2026-10-10T01:59:00Z");
            FixtureServlet.call(base, "/sweep");
            assertEquals(List.of(), mailsTo(handler, REMINDER), "not yet due");

            FixtureServlet.call(base, "/clock?at=2026-10-10T03:00:00Z");
            FixtureServlet.call(base, "/sweep");
            List<MimeMessage> reminders = awaitMailsTo(handler, REMINDER, 1);
            assertEquals(1, reminders.size());
            assertTrue(subject(reminders.get(0)).startsWith("待办超期提醒"), subject(reminders.get(0)));
            FixtureServlet.call(base, "/sweep");
            Thread.sleep(500);
            assertEquals(1, mailsTo(handler, REMINDER).size(), "each handler is reminded once");
            assertEquals(List.of(), mailsTo(leader, ESCALATION), "not escalated yet");
            assertEquals("REMINDER,TODO", FixtureServlet.call(base, "/notices?login=" + handler),
                    "the handler was told of the to-do when it arrived, and reminded once");

            // Monday 12 October, after one more working day (Sunday does not count): escalation.
            FixtureServlet.call(base, "/clock?at=2026-10-12T03:00:00Z");
            FixtureServlet.call(base, "/sweep");
            List<MimeMessage> escalations = awaitMailsTo(leader, ESCALATION, 1);
            assertTrue(subject(escalations.get(0)).startsWith("本单位待办超期"), subject(escalations.get(0)));
            String trail = FixtureServlet.call(base, "/trail?login=" + staff + "&instance=" + instance);
            assertTrue(trail.contains("ESCALATE"), trail);
            assertEquals("ESCALATION", FixtureServlet.call(base, "/notices?login=" + leader));
        } finally {
            FixtureServlet.call(base, "/clock-reset");
        }
    }

    /** Mails to one person whose subject starts so (other tests' overdue to-dos may be reminded by the same sweep). */
    private static List<MimeMessage> mailsTo(String login, String subjectStart) {
        return Arrays.stream(SMTP.getReceivedMessages()).filter(m -> to(m).contains(login + "@")
                && subject(m).startsWith(subjectStart)).toList();
    }

    private static List<MimeMessage> awaitMailsTo(String login, String subjectStart, int count)
            throws InterruptedException {
        for (int i = 0; i < 100 && mailsTo(login, subjectStart).size() < count; i++) {
            Thread.sleep(100);
        }
        return mailsTo(login, subjectStart);
    }

    private static String to(MimeMessage message) {
        try {
            return Arrays.toString(message.getRecipients(Message.RecipientType.TO));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
