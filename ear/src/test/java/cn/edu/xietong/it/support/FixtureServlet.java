package cn.edu.xietong.it.support;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Test deployments only ({@link Deployments#withFixtures}): lets a browser test prepare its own data.
 * <ul>
 *     <li>{@code POST /it-fixtures/reset-person?password=…}: a person whose password an administrator has just reset;
 *     answers with their login name;</li>
 *     <li>{@code POST /it-fixtures/reset-password?login=…&password=…}: an administrator has just reset that person's
 *     password to this one;</li>
 *     <li>{@code POST /it-fixtures/audits?event=…&login=…}: the details of the person's audit records of that event,
 *     newest first, one a line;</li>
 *     <li>{@code POST /it-fixtures/person?password=…&role=…[&unit=code][&name=…][&confirmedDaysAgo=n]}: a person in a
 *     fresh unit (or the given one) with that role (for that unit, if unit-scoped) and name (测试用户 if none), last
 *     confirmed as a member n days ago; answers with their login name;</li>
 *     <li>{@code POST /it-fixtures/unit-of?login=…}: the code of the person's unit;</li>
 *     <li>{@code POST /it-fixtures/sub-unit?of=code}: a fresh sub-office of the unit; answers with its code;</li>
 *     <li>{@code POST /it-fixtures/presence?login=…&day=yyyy-MM-dd&minutes=m1,m2}: the person was active then;</li>
 *     <li>{@code POST /it-fixtures/login-rules?secondFactor=…&singleSession=…}: sets the policy's login rules;</li>
 *     <li>{@code POST /it-fixtures/clock?at=2026-10-09T02:00:00Z} and {@code /clock-reset}: moves the office clock;</li>
 *     <li>{@code POST /it-fixtures/leave?login=…&days=n}: the person starts a leave request; answers with its id;</li>
 *     <li>{@code POST /it-fixtures/sweep}: runs the overdue sweep now; answers with how many to-dos it touched;</li>
 *     <li>{@code POST /it-fixtures/trail?login=…&instance=id}: the kinds of the instance's actions, as that person
 *     reads them;</li>
 *     <li>{@code POST /it-fixtures/notices?login=…}: the kinds of the person's unread notifications, sorted;</li>
 *     <li>{@code POST /it-fixtures/notify?login=…&kind=…&count=n[&note=…]}: n flow notifications of that kind to the
 *     person, each in its own transaction (C2: each stores its e-mail in the outbox if the person wants it);</li>
 *     <li>{@code POST /it-fixtures/outbox?login=…}: the states of the person's outbox mails, oldest first;</li>
 *     <li>{@code POST /it-fixtures/outbox-send}: runs the outbox's sender now; answers with how many mails SMTP took;</li>
 *     <li>{@code POST /it-fixtures/outbox-fail?login=…}: the person's waiting outbox mails have failed for good;</li>
 *     <li>{@code POST /it-fixtures/mail?from=…&to=login,login&subject=…[&bytes=n]}: the person sends an internal mail
 *     to those people; with bytes, the stored mail is made that large (a mailbox near its quota without uploading
 *     megabytes); answers with the mail's id;</li>
 *     <li>{@code POST /it-fixtures/mail-quota?login=…&mb=n}: the system administrator gives the person that quota;</li>
 *     <li>{@code POST /it-fixtures/inspection}: a batch operator runs the confidentiality inspection and waits for its
 *     end; answers with its status.</li>
 * </ul>
 */
@WebServlet("/it-fixtures/*")
public class FixtureServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private TestData data;

    @EJB
    private cn.edu.xietong.notices.PublishingRights publishingRights;

    @EJB
    private cn.edu.xietong.flow.Worklists worklists;

    @EJB
    private cn.edu.xietong.documents.Documents documents;

    @EJB
    private cn.edu.xietong.documents.Libraries libraries;

    @EJB
    private cn.edu.xietong.shared.OfficeClock clock;

    @EJB
    private cn.edu.xietong.flow.FlowCommands commands;

    @EJB
    private cn.edu.xietong.flow.FlowRecords records;

    @EJB
    private cn.edu.xietong.flow.OverdueSweep sweep;

    @EJB
    private cn.edu.xietong.notification.Notifications notifications;

    @EJB
    private cn.edu.xietong.mail.OutboxSender outboxSender;

    @EJB
    private cn.edu.xietong.mailbox.MailSending mailSending;

    @EJB
    private cn.edu.xietong.mailbox.MailboxPolicies mailboxPolicies;

    @EJB
    private cn.edu.xietong.files.FileStore files;

    @EJB
    private cn.edu.xietong.chat.Conversations conversations;

    @EJB
    private AsBatchOperator operator;

    @EJB
    private cn.edu.xietong.operations.BatchJobs jobs;

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));
        String password = request.getParameter("password");
        String answer = switch (String.valueOf(request.getPathInfo())) {
            case "/reset-person" -> {
                Person person = data.person("Initial#Pass2026", cheap);
                data.resetPassword(person, password, cheap);
                yield person.getLogin();
            }
            case "/reset-password" -> {
                data.resetPassword(data.personByLogin(request.getParameter("login")), password, cheap);
                yield "ok";
            }
            case "/audits" -> data.audits(cn.edu.xietong.audit.AuditEvent.valueOf(request.getParameter("event")),
                    request.getParameter("login")).stream().map(r -> String.valueOf(r.getDetail()))
                    .collect(java.util.stream.Collectors.joining("\n"));
            case "/person" -> {
                String unit = request.getParameter("unit");
                Person person = data.personIn(unit == null ? data.unit() : data.unitByCode(unit), password, cheap,
                        Role.valueOf(request.getParameter("role")));
                String name = request.getParameter("name");
                if (name != null) {
                    data.rename(person, name);
                }
                String confirmedDaysAgo = request.getParameter("confirmedDaysAgo");
                if (confirmedDaysAgo != null) {
                    data.ageConfirmation(person, Long.parseLong(confirmedDaysAgo));
                }
                yield person.getLogin();
            }
            case "/presence" -> {
                Person person = data.personByLogin(request.getParameter("login"));
                data.presence(person, java.time.LocalDate.parse(request.getParameter("day")),
                        java.util.Arrays.stream(request.getParameter("minutes").split(","))
                                .mapToInt(Integer::parseInt).toArray());
                yield "ok";
            }
            case "/sub-unit" -> data.subUnit(data.unitByCode(request.getParameter("of"))).getCode();
            case "/unit-of" -> data.unitOf(request.getParameter("login")).getCode();
            case "/login-rules" -> {
                data.loginRules(Boolean.parseBoolean(request.getParameter("secondFactor")),
                        Boolean.parseBoolean(request.getParameter("singleSession")));
                yield "ok";
            }
            case "/clock" -> {
                clock.moveTo(java.time.Instant.parse(request.getParameter("at")));
                yield "ok";
            }
            case "/clamd" -> {
                // the server scans uploads with the test's clamd on this port; without a port, with none
                String port = request.getParameter("port");
                if (port == null) {
                    System.clearProperty("xietong.clamd.host");
                    System.clearProperty("xietong.clamd.port");
                } else {
                    System.setProperty("xietong.clamd.host", "127.0.0.1");
                    System.setProperty("xietong.clamd.port", String.valueOf(Integer.parseInt(port)));
                }
                yield "ok";
            }
            case "/clock-reset" -> {
                clock.reset();
                yield "ok";
            }
            case "/leave" -> as(request.getParameter("login"), () -> commands.start(data.publishedDesign("leave"),
                    "请假", cn.edu.xietong.flow.form.FormValues.of(java.util.Map.of("kind", "事假",
                            "period", "2026-12-07/2026-12-08", "days", request.getParameter("days"), "reason", "事由")),
                    java.util.Map.of("school", java.util.List.of("liming"))).getId().toString());
            case "/sweep" -> Integer.toString(sweep.sweep());
            case "/inspection" -> inspection();
            case "/trail" -> as(request.getParameter("login"), () -> records.trail(
                    Long.parseLong(request.getParameter("instance"))).stream().map(a -> a.getKind().name())
                    .collect(java.util.stream.Collectors.joining(",")));
            case "/notices" -> as(request.getParameter("login"), () -> notifications.unread(50).stream()
                    .map(n -> n.kind()).sorted().collect(java.util.stream.Collectors.joining(",")));
            case "/notify" -> {
                Person person = data.personByLogin(request.getParameter("login"));
                int count = Integer.parseInt(request.getParameter("count"));
                for (int i = 0; i < count; i++) {
                    data.notify(person, request.getParameter("kind"), 9_000_000 + i, "测试事项 " + i,
                            request.getParameter("note"));
                }
                yield "ok";
            }
            case "/outbox" -> data.outboxOf(data.personByLogin(request.getParameter("login"))).stream()
                    .map(m -> m.getState().name()).collect(java.util.stream.Collectors.joining(","));
            case "/outbox-send" -> Integer.toString(outboxSender.sendDue());
            case "/outbox-fail" -> Integer.toString(data.failOutbox(data.personByLogin(request.getParameter("login"))));
            case "/mail" -> as(request.getParameter("from"), () -> {
                String subject = request.getParameter("subject");
                long id = mailSending.send(null, new cn.edu.xietong.mailbox.DraftInput(subject, "<p>" + subject + "</p>",
                        java.util.Arrays.stream(request.getParameter("to").split(",")).map(login ->
                                cn.edu.xietong.mailbox.Recipient.person(cn.edu.xietong.mailbox.AddressKind.TO, login))
                                .toList(), java.util.List.of(), null, null)).mailId();
                String bytes = request.getParameter("bytes");
                if (bytes != null) {
                    data.resizeMail(id, Long.parseLong(bytes));
                }
                return Long.toString(id);
            });
            // a mail with a PDF attached, from one person to another: answers "mailId fileUid"
            case "/mail-with-file" -> as(request.getParameter("from"), () -> {
                String uid = files.upload("附件.pdf", SampleFiles.PDF).uid();
                long id = mailSending.send(null, new cn.edu.xietong.mailbox.DraftInput("带附件的邮件", "<p>正文</p>",
                        java.util.List.of(cn.edu.xietong.mailbox.Recipient.person(
                                cn.edu.xietong.mailbox.AddressKind.TO, request.getParameter("to"))),
                        java.util.List.of(uid), null, null)).mailId();
                return id + " " + uid;
            });
            // a conversation of two with a PDF sent in it: answers "conversationId fileUid"
            case "/chat-with-file" -> as(request.getParameter("from"), () -> {
                long c = conversations.direct(request.getParameter("to"));
                String uid = files.upload("聊天附件.pdf", SampleFiles.PDF).uid();
                conversations.send(c, "私聊内容", uid);
                return c + " " + uid;
            });
            case "/mail-quota" -> as("caoyu", () -> {
                mailboxPolicies.setQuota(request.getParameter("login"), Integer.parseInt(request.getParameter("mb")));
                return "ok";
            });
            case "/publishing-right" -> as("caoyu", () -> {
                long category = publishingRights.categories().stream()
                        .filter(c -> c.code().equals(request.getParameter("category"))).findFirst().orElseThrow().id();
                publishingRights.grant(request.getParameter("login"),
                        data.unitByCode(request.getParameter("unit")).getId(), category);
                return "ok";
            });
            case "/controlled-document" -> {
                // a unit with its IT staff, leader and a member; a controlled two-page PDF in its library (S4)
                var unit = data.unit();
                Person it = data.personIn(unit, password, cheap, Role.UNIT_IT);
                Person leader = data.personIn(unit, password, cheap, Role.UNIT_LEADER);
                Person staff = data.personIn(unit, password, cheap, Role.STAFF);
                String title = "受控制度" + java.util.UUID.randomUUID().toString().substring(0, 6) + ".pdf";
                String document = as(it.getLogin(), () -> String.valueOf(documents.upload(
                        libraries.myUnitLibrary(), null, title,
                        new java.io.ByteArrayInputStream(SamplePdf.pages(2, "Controlled rules")),
                        cn.edu.xietong.documents.Level.CONTROLLED, null)));
                yield staff.getLogin() + " " + leader.getLogin() + " " + document + " " + title;
            }
            case "/library-pdf" -> {
                // a unit with its IT staff and a member; a PDF with a Chinese sentence in the unit's library
                var unit = data.unit();
                Person it = data.personIn(unit, password, cheap, Role.UNIT_IT);
                Person staff = data.personIn(unit, password, cheap, Role.STAFF);
                String document = as(it.getLogin(), () -> String.valueOf(documents.upload(libraries.myUnitLibrary(),
                        null, "制度" + java.util.UUID.randomUUID().toString().substring(0, 6) + ".pdf",
                        new java.io.ByteArrayInputStream(SamplePdf.chinese(request.getParameter("text"))),
                        cn.edu.xietong.documents.Level.INTERNAL, null)));
                yield staff.getLogin() + " " + document;
            }
            case "/approve-publication" -> {
                // the demo's publishing flow: the writer's unit leader, then the general office's leader
                for (String login : request.getParameter("approvers").split(",")) {
                    as(login, () -> {
                        var task = worklists.todos().stream()
                                .filter(t -> t.instance().title().equals(request.getParameter("title")))
                                .findFirst().orElseThrow();
                        commands.approve(task.id(), "同意发布", null);
                        return "ok";
                    });
                }
                yield "ok";
            }
            default -> null;
        };
        if (answer == null) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
            return;
        }
        response.setContentType("text/plain; charset=UTF-8");
        response.getWriter().write(answer);
    }

    private String inspection() {
        try {
            long execution = operator.call(() -> jobs.start(cn.edu.xietong.operations.BatchJob.INSPECTION));
            return Jobs.awaitEnd(execution, java.time.Duration.ofSeconds(180)).getBatchStatus().name();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private String as(String login, java.util.concurrent.Callable<String> action) {
        try {
            return AsPerson.call(data.personByLogin(login), action);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Calls a fixture from the test (client side), e.g. {@code call(base, "/person?password=…&role=SYS_ADMIN")}. */
    public static String call(URL base, String pathAndQuery) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(base.toExternalForm().replaceAll("/+$", "") + "/it-fixtures" + pathAndQuery))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("fixture " + pathAndQuery + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
