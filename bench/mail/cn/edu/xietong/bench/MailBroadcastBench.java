package cn.edu.xietong.bench;

import cn.edu.xietong.it.support.Deployments;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URL;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Benchmark 1 of issue #13: one mail with a 20 MB attachment to every unit of a generated university of 3,000 staff
 * in 60 units, through MailSending.send as the pages call it. Measures the time from the send until the last sampled
 * recipient's inbox (Mailbox.list and unreadCount) shows it, the bytes the mail's rows take (PostgreSQL only) against
 * what 3,000 copies would take, and how the notification e-mails the send queues leave through the outbox into
 * GreenMail. Writes target/bench-mail-broadcast.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class MailBroadcastBench {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(
            new ServerSetup(Integer.getInteger("it.smtp.port", 3125), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

    private static final String[] TABLES = {"mail_message", "mail_address", "mail_attachment", "mail_entry",
            "stored_file", "notification", "mail_outbox"};

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withTests(MailBenchServlet.class, MailBenchData.class, MailBenchData.University.class);
    }

    @Test
    void mailToEveryStaffMember() throws Exception {
        int units = Integer.getInteger("bench.units", 60);
        int people = Integer.getInteger("bench.people", 3000);
        int bytes = Integer.getInteger("bench.bytes", 20 * 1024 * 1024);
        int rounds = Integer.getInteger("bench.rounds", 3);
        int outboxWait = Integer.getInteger("bench.outboxWaitSeconds", 30);
        long t0 = System.nanoTime();
        Map<String, String> u = MailBenchClient.call(base, "university", "units=" + units + "&people=" + people);
        List<String> lines = new ArrayList<>();
        lines.add(String.format("university: %d units, %s people, made in %.1f s", units, u.get("people"),
                (System.nanoTime() - t0) / 1e9));
        List<Double> send = new ArrayList<>();
        List<Double> visible = new ArrayList<>();
        int delivered = 0;
        for (int r = 0; r < rounds; r++) {
            Map<String, String> b = MailBenchClient.call(base, "broadcast", "tag=" + u.get("tag") + "&people="
                    + people + "&units=" + u.get("units") + "&bytes=" + bytes + "&sample=100");
            long mail = Long.parseLong(b.get("mail"));
            assertEquals(people, Integer.parseInt(b.get("recipients")), "every staff member is reached");
            assertEquals(people, Long.parseLong(b.get("entries")), "one entry per recipient");
            send.add(Double.parseDouble(b.get("sendMs")));
            visible.add(Double.parseDouble(b.get("visibleMs")));
            lines.add(String.format("round %d: mail %d to %s recipients: upload %s ms, send (commit) %s ms, visible in"
                            + " all %s sampled inboxes %s ms after the send began (%s ms per inbox opened, %s polls)",
                    r + 1, mail, b.get("recipients"), b.get("uploadMs"), b.get("sendMs"), b.get("readers"),
                    b.get("visibleMs"), b.get("readMsEach"), b.get("polls")));
            Optional<Connection> db = MailBenchClient.database();
            if (db.isPresent()) {
                try (Connection c = db.get()) {
                    lines.addAll(storage(c, mail, Integer.parseInt(b.get("recipients"))));
                }
            }
            // the notification e-mails the send queued: what the outbox sent on its own, then the rest
            long w0 = System.nanoTime();
            String states = "";
            while (System.nanoTime() - w0 < outboxWait * 1_000_000_000L) {
                Thread.sleep(1000);
                states = MailBenchClient.call(base, "outbox", "mail=" + mail).toString();
            }
            Map<String, String> drained = MailBenchClient.call(base, "drain", "");
            delivered += people;
            long d0 = System.nanoTime();
            while (SMTP.getReceivedMessages().length < delivered && System.nanoTime() - d0 < 60_000_000_000L) {
                Thread.sleep(200);
            }
            lines.add(String.format("round %d: outbox %d s after the send, by itself (hand-over after commit and the"
                            + " 15 s timer): %s; then OutboxSender.sendDue in a loop sent the other %s in %s ms;"
                            + " GreenMail holds %d mails in all", r + 1, outboxWait, states, drained.get("sent"),
                    drained.get("ms"), SMTP.getReceivedMessages().length));
        }
        lines.add("send until committed, ms: " + MailBenchClient.spread(send));
        lines.add("send until every sampled inbox shows it, ms: " + MailBenchClient.spread(visible));
        MailBenchClient.report("bench-mail-broadcast.txt", lines);
    }

    /** The bytes of the mail's rows in each table (pg_column_size of whole rows; indexes not counted). */
    private static List<String> storage(Connection c, long mail, int recipients) throws Exception {
        String[] where = {
                "id = ?",
                "message_id = ?",
                "message_id = ?",
                "message_id = ?",
                "uid in (select file_uid from mail_attachment where message_id = ?)",
                "module = 'MAIL' and object_id = ?",
                "notification_id in (select id from notification where module = 'MAIL' and object_id = ?)"};
        List<String> lines = new ArrayList<>();
        StringBuilder parts = new StringBuilder();
        long total = 0;
        long mailOnly = 0;
        long once = 0;
        for (int i = 0; i < TABLES.length; i++) {
            try (PreparedStatement q = c.prepareStatement("select count(*), coalesce(sum(pg_column_size(t.*)), 0)"
                    + " from " + TABLES[i] + " t where " + where[i])) {
                q.setLong(1, mail);
                try (ResultSet rs = q.executeQuery()) {
                    rs.next();
                    long rows = rs.getLong(1);
                    long size = rs.getLong(2);
                    total += size;
                    if (i < 5) {
                        mailOnly += size;
                    }
                    if (i != 3 && i < 5) {
                        once += size;
                    }
                    parts.append(String.format("%s%s %d rows %,d B", parts.isEmpty() ? "" : "; ", TABLES[i], rows,
                            size));
                }
            }
        }
        lines.add("  storage: " + parts);
        lines.add(String.format("  storage: the mail %,d B (%.1f MB), with its notifications and outbox e-mails %,d B"
                        + " (%.1f MB); %d copies of the mail with its file would take %,d B (%.1f GB): %.0fx more",
                mailOnly, mailOnly / 1e6, total, total / 1e6, recipients, once * recipients,
                once * (double) recipients / 1e9, once * (double) recipients / mailOnly));
        return lines;
    }
}
