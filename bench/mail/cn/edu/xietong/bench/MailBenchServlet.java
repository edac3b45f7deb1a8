package cn.edu.xietong.bench;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.mail.OutboxSender;
import cn.edu.xietong.mailbox.AddressKind;
import cn.edu.xietong.mailbox.AddressTarget;
import cn.edu.xietong.mailbox.DraftInput;
import cn.edu.xietong.mailbox.Folder;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.mailbox.MailSending;
import cn.edu.xietong.mailbox.Recipient;
import cn.edu.xietong.mailbox.SentMail;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;

/**
 * {@code POST /bench/mail/...} (benchmark deployments only; issue #13). Each operation answers {@code key=value}
 * pairs separated by spaces:
 * <ul>
 * <li>{@code university?units=&people=}: a generated university ({@link MailBenchData#university});</li>
 * <li>{@code broadcast?sender=&units=&bytes=&sample=}: the sender uploads a file of {@code bytes} and sends one mail
 * with it to every unit through {@link MailSending#send}; then every {@code sample}-th person (and the last) opens
 * their inbox ({@link Mailbox#list} and {@link Mailbox#unreadCount}) until each sees the mail;</li>
 * <li>{@code outbox?mail=}: the states of a mail's notification e-mails in the outbox, and {@code drain}: runs the
 * sender until nothing is due;</li>
 * <li>{@code gateway?count=&path=outbox|plain}: {@code count} e-mails through {@link OutboxSender#sendDue} (rows
 * stored first, then sent until none is left) or through a plain {@link Transport#send} loop on the same mail
 * session;</li>
 * <li>{@code inbox?login=&warm=&rounds=}: times a person opening their inbox ({@link Mailbox#list} of the first 50,
 * {@link Mailbox#overview}, {@link Mailbox#unreadCount}, {@link Mailbox#count}), each call on its own.</li>
 * </ul>
 */
@WebServlet("/bench/mail/*")
public class MailBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final String GATEWAY_SUBJECT = "新邮件：关于做好期末考试安排的通知";
    private static final String GATEWAY_BODY = "基准 发来新邮件：关于做好期末考试安排的通知\n\n请登录协同办公平台查看："
            + "https://oa.example.edu.cn/mail/read.xhtml?mail=123456\n\n本邮件只含事项名称和链接，内容请在平台内查看。\n\n"
            + "New mail from 基准: 关于做好期末考试安排的通知\nhttps://oa.example.edu.cn/mail/read.xhtml?mail=123456\n";

    @EJB
    private MailBenchData data;

    @EJB
    private MailSending sending;

    @EJB
    private Mailbox mailbox;

    @EJB
    private FileStore files;

    @EJB
    private OutboxSender sender;

    @Resource(lookup = "java:jboss/mail/Oa")
    private Session session;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = switch (request.getPathInfo()) {
                case "/university" -> university(request);
                case "/broadcast" -> broadcast(request);
                case "/outbox" -> data.outboxOfMail(Long.parseLong(request.getParameter("mail")));
                case "/drain" -> drain();
                case "/gateway" -> gateway(request);
                case "/inbox" -> inbox(request);
                default -> throw new IllegalArgumentException(request.getPathInfo());
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer);
    }

    private String university(HttpServletRequest request) {
        MailBenchData.University u = data.university(Integer.parseInt(request.getParameter("units")),
                Integer.parseInt(request.getParameter("people")));
        return "tag=" + u.tag() + " units=" + u.unitIds().stream().map(String::valueOf).collect(Collectors.joining(","))
                + " people=" + u.logins().size();
    }

    private String broadcast(HttpServletRequest request) throws Exception {
        String tag = request.getParameter("tag");
        int people = Integer.parseInt(request.getParameter("people"));
        int bytes = Integer.parseInt(request.getParameter("bytes"));
        int sample = Integer.parseInt(request.getParameter("sample"));
        List<Recipient> units = Arrays.stream(request.getParameter("units").split(","))
                .map(id -> new Recipient(AddressKind.TO, AddressTarget.UNIT, id)).toList();
        Person from = data.person(tag + "p0");
        byte[] content = new byte[bytes];
        new Random(bytes ^ System.nanoTime()).nextBytes(content); // a compressed file's bytes: no database shrinks them
        byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(header, 0, content, 0, header.length);
        long u0 = System.nanoTime();
        FileInfo file = AsPerson.call(from, () -> files.upload("期末考试安排.pdf", content));
        long t0 = System.nanoTime();
        SentMail sent = AsPerson.call(from, () -> sending.send(null, new DraftInput("关于做好期末考试安排的通知",
                "<p>各单位：</p><p>现将期末考试安排印发给你们，请遵照执行。</p>", units, List.of(file.uid()), null,
                null)));
        long t1 = System.nanoTime();
        List<Person> readers = new ArrayList<>();
        for (int p = 0; p < people; p += sample) {
            readers.add(data.person(tag + "p" + p));
        }
        readers.add(data.person(tag + "p" + (people - 1)));
        int polls = 0;
        for (Person reader : readers) {
            boolean seen = false;
            while (!seen) {
                polls++;
                seen = AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 50).stream()
                        .anyMatch(m -> m.mailId() == sent.mailId()) && mailbox.unreadCount() > 0);
            }
        }
        long t2 = System.nanoTime();
        return "mail=" + sent.mailId() + " recipients=" + sent.recipients() + " entries="
                + data.recipientEntries(sent.mailId()) + " uploadMs=" + ms(t0 - u0) + " sendMs=" + ms(t1 - t0)
                + " visibleMs=" + ms(t2 - t0) + " readers=" + readers.size() + " polls=" + polls
                + " readMsEach=" + String.format("%.1f", (t2 - t1) / 1e6 / readers.size()) + " file=" + file.uid();
    }

    private String drain() {
        long t0 = System.nanoTime();
        int sent = 0;
        for (int s = sender.sendDue(); s > 0; s = sender.sendDue()) {
            sent += s;
        }
        return "sent=" + sent + " ms=" + ms(System.nanoTime() - t0);
    }

    /**
     * One measured run of one path. The outbox's timer sends what is due every 15 s of the wall clock (seconds 0, 15,
     * 30, 45): an outbox run starts one second after such a tick, so that a run shorter than 14 s has one sender
     * only, as the plain loop has.
     */
    private String gateway(HttpServletRequest request) throws Exception {
        int count = Integer.parseInt(request.getParameter("count"));
        String path = request.getParameter("path");
        String to = "staff@bench.example";
        long elapsed;
        if ("outbox".equals(path)) {
            data.pendingOutbox(count, to, GATEWAY_SUBJECT, GATEWAY_BODY);
            long second = Instant.now().getEpochSecond();
            long wait = ((16 - second % 15) % 15) * 1000 - Instant.now().toEpochMilli() % 1000;
            Thread.sleep(Math.max(0, wait));
            long t0 = System.nanoTime();
            while (data.outboxLeft() > 0) {
                sender.sendDue();
            }
            elapsed = System.nanoTime() - t0;
        } else {
            long t0 = System.nanoTime();
            for (int i = 0; i < count; i++) {
                MimeMessage message = new MimeMessage(session);
                message.setRecipient(Message.RecipientType.TO, new InternetAddress(to, true));
                message.setSubject(GATEWAY_SUBJECT + " " + i, "UTF-8");
                message.setText(GATEWAY_BODY, "UTF-8");
                message.setSentDate(new Date());
                Transport.send(message);
            }
            elapsed = System.nanoTime() - t0;
        }
        return "path=" + path + " count=" + count + " ms=" + ms(elapsed) + " perSecond="
                + String.format("%.1f", count * 1e9 / elapsed);
    }

    private String inbox(HttpServletRequest request) throws Exception {
        Person reader = data.person(request.getParameter("login"));
        int warm = Integer.parseInt(request.getParameter("warm"));
        int rounds = Integer.parseInt(request.getParameter("rounds"));
        long[][] times = new long[5][rounds];
        int listed = 0;
        for (int r = -warm; r < rounds; r++) {
            long t0 = System.nanoTime();
            int n = AsPerson.call(reader, () -> mailbox.list(Folder.INBOX, 0, 50)).size();
            long t1 = System.nanoTime();
            AsPerson.call(reader, () -> mailbox.overview());
            long t2 = System.nanoTime();
            AsPerson.call(reader, () -> mailbox.unreadCount());
            long t3 = System.nanoTime();
            AsPerson.call(reader, () -> mailbox.count(Folder.INBOX));
            long t4 = System.nanoTime();
            if (r >= 0) {
                times[0][r] = t1 - t0;
                times[1][r] = t2 - t1;
                times[2][r] = t3 - t2;
                times[3][r] = t4 - t3;
                times[4][r] = t4 - t0;
                listed = n;
            }
        }
        String[] names = {"list", "overview", "unread", "count", "all"};
        StringBuilder out = new StringBuilder("listed=" + listed);
        for (int i = 0; i < names.length; i++) {
            long[] t = times[i];
            Arrays.sort(t);
            out.append(' ').append(names[i]).append('=').append(String.format("%.2f/%.2f", t[t.length / 2] / 1e6,
                    t[(int) (t.length * 0.9)] / 1e6));
        }
        return out.toString();
    }

    private static long ms(long nanos) {
        return nanos / 1_000_000;
    }
}
