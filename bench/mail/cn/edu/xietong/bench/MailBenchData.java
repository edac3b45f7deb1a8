package cn.edu.xietong.bench;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The mail benchmarks' data, made through the entities as the directory makes them: a generated university (units
 * using every module, the mail module included, each with its staff, every person with an e-mail address), and rows
 * of the gateway's outbox made ready to send.
 */
@Stateless
public class MailBenchData {

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource dataSource;

    /** A generated university: its units' ids and its people's logins, all with the prefix {@code tag}. */
    public record University(String tag, List<Long> unitIds, List<String> logins) {
    }

    /** {@code units} units (colleges, departments, affiliated units) sharing {@code people} staff evenly. */
    public University university(int units, int people) {
        String tag = "bm" + UUID.randomUUID().toString().substring(0, 5);
        Instant now = Instant.now();
        List<Unit> made = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            UnitKind kind = u < units / 2 ? UnitKind.COLLEGE : u < units * 5 / 6 ? UnitKind.DEPARTMENT
                    : UnitKind.AFFILIATED;
            Unit unit = new Unit(tag.toUpperCase() + "-" + u, "基准单位" + tag + "-" + u, "Bench unit " + tag + "-" + u,
                    kind);
            em.persist(unit);
            made.add(unit);
        }
        List<String> logins = new ArrayList<>();
        for (int p = 0; p < people; p++) {
            String login = tag + "p" + p;
            em.persist(new Person(login, "基准" + p, made.get(p % units), login + "@bench.example", now));
            logins.add(login);
            if (p % 500 == 499) {
                em.flush();
                em.clear();
            }
        }
        em.flush();
        return new University(tag, made.stream().map(Unit::getId).toList(), logins);
    }

    public Person person(String login) {
        return Person.byLogin(em, login).orElseThrow();
    }

    /** How many recipients' entries a mail has (the sender's not counted). */
    public long recipientEntries(long mailId) {
        return em.createQuery("select count(e) from MailEntry e where e.message.id = :m and e.role <> "
                        + "cn.edu.xietong.mailbox.EntryRole.SENDER", Long.class)
                .setParameter("m", mailId).getSingleResult();
    }

    /** The outbox rows of a mail's notifications, by state: "SENT=…,PENDING=…". */
    public String outboxOfMail(long mailId) {
        List<Object[]> rows = em.createNativeQuery("select o.state, count(*) from mail_outbox o join notification n"
                + " on n.id = o.notification_id where n.module = 'MAIL' and n.object_id = ? group by o.state"
                + " order by o.state").setParameter(1, mailId).getResultList();
        StringBuilder out = new StringBuilder();
        for (Object[] row : rows) {
            out.append(out.isEmpty() ? "" : ",").append(row[0]).append('=').append(((Number) row[1]).longValue());
        }
        return out.toString();
    }

    /**
     * Stores {@code count} outbox rows ready to send now (state PENDING, due), as the intake stores a notification's
     * e-mail, without posting notifications (whose after-commit hand-over would start sending at once). Plain JDBC:
     * the row's constructor is the outbox's own.
     */
    public void pendingOutbox(int count, String recipient, String subject, String body) throws SQLException {
        Timestamp now = Timestamp.from(Instant.now().minusSeconds(1));
        try (Connection c = dataSource.getConnection(); PreparedStatement insert = c.prepareStatement(
                "insert into mail_outbox (id, person_id, kind, notification_id, recipient, subject, body, message_id,"
                        + " state, created_at, attempts, next_attempt_at, version)"
                        + " values ((select coalesce(max(id), 0) from mail_outbox) + 1000000, null, 'MAIL.BENCH', null,"
                        + " ?, ?, ?, ?, 'PENDING', ?, 0, ?, 0)")) {
            for (int i = 0; i < count; i++) {
                insert.setString(1, recipient);
                insert.setString(2, subject + " " + i);
                insert.setString(3, body);
                insert.setString(4, "<" + UUID.randomUUID() + ".outbox@xietong>");
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.executeUpdate();
            }
        }
    }

    /** Outbox rows still to send (PENDING or SENDING). */
    public long outboxLeft() {
        return ((Number) em.createNativeQuery("select count(*) from mail_outbox where kind = 'MAIL.BENCH'"
                + " and state in ('PENDING', 'SENDING')").getSingleResult()).longValue();
    }
}
