package cn.edu.xietong.it.support;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitKind;
import cn.edu.xietong.presence.LastSeen;
import cn.edu.xietong.presence.PresenceDay;
import cn.edu.xietong.security.Credential;
import cn.edu.xietong.security.MembershipReview;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.security.PasswordPolicy;
import cn.edu.xietong.security.SessionEnd;
import cn.edu.xietong.security.SessionRecord;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Each test makes its own people and units, with names no other test uses, in a transaction of their own; it never
 * relies on what another test left behind.
 */
@Stateless
public class TestData {

    @PersistenceContext
    private EntityManager em;

    @jakarta.annotation.Resource(lookup = "java:jboss/datasources/OaDS")
    private javax.sql.DataSource dataSource;

    /** A fresh unit with a unique code. */
    public Unit unit() {
        String code = "T-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
        Unit unit = new Unit(code, "测试单位" + code, "Test unit " + code, UnitKind.DEPARTMENT);
        em.persist(unit);
        return unit;
    }

    /** A fresh active person in a fresh unit, whose password is hashed by the given hasher. */
    public Person person(String password, PasswordHasher hasher) {
        return personIn(unit(), password, hasher);
    }

    /** A fresh sub-office of the given unit. */
    public Unit subUnit(Unit parent) {
        Unit sub = unit();
        sub.placeUnder(em.find(Unit.class, parent.getId()));
        return sub;
    }

    /** A fresh active person in the given unit with the given roles (unit-scoped ones for that unit). */
    public Person personIn(Unit unit, String password, PasswordHasher hasher, Role... roles) {
        String login = "t" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        Unit managed = em.find(Unit.class, unit.getId());
        Person person = new Person(login, "测试用户", managed, login + "@test.example", Instant.now());
        for (Role role : roles) {
            if (role.isUnitScoped()) {
                person.grant(role, managed);
            } else {
                person.grant(role);
            }
        }
        em.persist(person);
        Credential.initial(em, person, hasher.hash(password.toCharArray()), Instant.now(), false);
        return person;
    }

    /** A fresh active person with the given name in the given unit (A5: people are found by their names). */
    public Person personNamed(Unit unit, String fullName, String password, PasswordHasher hasher) {
        Person person = personIn(unit, password, hasher);
        person.rename(fullName);
        return person;
    }

    /** Appoints a person to a new post of that name in their unit. */
    public void appoint(Person person, String postName) {
        Person managed = em.find(Person.class, person.getId());
        cn.edu.xietong.directory.Post post = new cn.edu.xietong.directory.Post(managed.getUnit(), postName);
        em.persist(post);
        em.persist(new cn.edu.xietong.directory.Appointment(managed, post, Instant.now()));
    }

    /** Gives a person another name. */
    public void rename(Person person, String fullName) {
        em.find(Person.class, person.getId()).rename(fullName);
    }

    public Unit unitByCode(String code) {
        return em.createQuery("select u from Unit u where u.code = :code", Unit.class).setParameter("code", code)
                .getSingleResult();
    }

    public java.util.Optional<Person> personMaybe(String login) {
        return em.createNamedQuery(Person.BY_LOGIN, Person.class).setParameter("login", login).getResultStream()
                .findFirst();
    }

    public Person personByLogin(String login) {
        return em.createNamedQuery(Person.BY_LOGIN, Person.class).setParameter("login", login).getSingleResult();
    }

    public Unit unitOf(String login) {
        return personByLogin(login).getUnit();
    }

    public Person reload(Person person) {
        return em.find(Person.class, person.getId());
    }

    /** Deactivates as the account administration does: the sessions end and a leaver report is settled. */
    public void deactivate(Person person) {
        Person managed = em.find(Person.class, person.getId());
        managed.deactivate();
        SessionRecord.endSessions(em, managed, SessionEnd.DEACTIVATED);
        MembershipReview.current(em, managed).deactivated();
    }

    /** The person's password as the security area keeps it; {@code null} if none was ever set. */
    public Credential credential(Person person) {
        return em.find(Credential.class, person.getId());
    }

    /** The person's sessions as the security area keeps them; {@code null} if they never logged in. */
    public SessionRecord sessions(Person person) {
        return em.find(SessionRecord.class, person.getId());
    }

    /** The unit IT staff's review of the person's membership (O3.2), as it stands. */
    public MembershipReview review(Person person) {
        return MembershipReview.current(em, em.find(Person.class, person.getId()));
    }

    /** When the person was last active (B1); {@code null} if never, or not since they logged out. */
    public Instant lastSeen(Person person) {
        return LastSeen.of(em, person);
    }

    /** Moves a login name's lock into the past, as if its fifteen minutes had gone by. */
    public void letLockExpire(String login) {
        em.createQuery("update LoginGuard g set g.lockedUntil = :past where g.login = :login")
                .setParameter("past", Instant.now().minusSeconds(1))
                .setParameter("login", login)
                .executeUpdate();
    }

    /** An administrator's reset: the person must change the password at the next login. */
    public void resetPassword(Person person, String password, PasswordHasher hasher) {
        Credential.resetPassword(em, em.find(Person.class, person.getId()), hasher.hash(password.toCharArray()),
                Instant.now(), 5);
    }

    /**
     * Ends the person's sessions the way another server of a cluster would: a write straight to the database, behind
     * this server's persistence contexts.
     */
    public void endSessionsElsewhere(Person person, SessionEnd why) {
        em.createQuery("update SessionRecord s set s.sessionEpoch = s.sessionEpoch + 1, s.sessionsEndedBy = :why"
                        + " where s.personId = :id")
                .setParameter("why", why).setParameter("id", person.getId()).executeUpdate();
    }

    /** Moves the last password change back by the given days, as if that time had passed. */
    public void agePassword(Person person, long days) {
        Credential c = em.find(Credential.class, person.getId());
        em.createQuery("update Credential c set c.passwordChangedAt = :at where c.personId = :id")
                .setParameter("at", c.getPasswordChangedAt().minusSeconds(days * 86_400))
                .setParameter("id", person.getId())
                .executeUpdate();
    }

    /** Sets the policy's login rules (second factor for privileged roles, one session per account). */
    public void loginRules(boolean secondFactorRequired, boolean singleSession) {
        em.find(PasswordPolicy.class, PasswordPolicy.ID).setLoginRules(secondFactorRequired, singleSession);
    }

    /** Moves the last membership confirmation back by the given days, as if that time had passed. */
    public void ageConfirmation(Person person, long days) {
        MembershipReview.forChange(em, em.find(Person.class, person.getId()));
        em.flush();
        em.createQuery("update MembershipReview r set r.confirmedAt = :at where r.personId = :id")
                .setParameter("at", Instant.now().minusSeconds(days * 86_400))
                .setParameter("id", person.getId())
                .executeUpdate();
    }

    /** Notes the person as active on the day at the given minutes of the day (campus time), as pages do (B1). */
    public void presence(Person person, LocalDate day, int... minutesOfDay) {
        PresenceDay presence = em.find(PresenceDay.class, new PresenceDay.Key(person.getId(), day));
        if (presence == null) {
            presence = new PresenceDay(person.getId(), day);
            em.persist(presence);
        }
        for (int minute : minutesOfDay) {
            presence.activeAt(minute);
        }
    }

    /** A second-step challenge as the login leaves it, made at the given time. */
    public void loginChallenge(String ticketHash, String login, Instant createdAt) {
        em.createNativeQuery("insert into login_challenge (ticket_hash, login, created_at, attempts) values (?1, ?2, ?3, 0)")
                .setParameter(1, ticketHash).setParameter(2, login)
                .setParameter(3, java.sql.Timestamp.from(createdAt)).executeUpdate();
    }

    /** The id of the published version of a design code (the demo university has leave, expense, outgoing-document). */
    public long publishedDesign(String code) {
        return em.createNamedQuery(cn.edu.xietong.flow.design.FlowDesign.PUBLISHED_OF_CODE,
                cn.edu.xietong.flow.design.FlowDesign.class).setParameter("code", code).getSingleResult().getId();
    }

    /** Tampers with a stored trail record, as someone with database access might ({@link Thief}). */
    public int tamperWithTrail(String instanceUid, int seq, String opinion) throws java.sql.SQLException {
        return asThief("update flow_action set opinion = ? where instance_uid = ? and seq = ?", opinion, instanceUid,
                seq);
    }

    /** Removes a stored trail record, as someone with database access might. */
    public int removeFromTrail(String instanceUid, int seq) throws java.sql.SQLException {
        return asThief("delete from flow_action where instance_uid = ? and seq = ?", instanceUid, seq);
    }

    private int asThief(String sql, Object... parameters) throws java.sql.SQLException {
        try (java.sql.Connection c = Thief.connect(dataSource); java.sql.PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return s.executeUpdate();
        }
    }

    /** Makes a stored mail this large, as if it carried files that big (A4: a mailbox near its quota). */
    public void resizeMail(long mailId, long bytes) {
        em.createNativeQuery("update mail_message set size_bytes = ? where id = ?").setParameter(1, bytes)
                .setParameter(2, mailId).executeUpdate();
        em.createNativeQuery("update mail_entry set size_bytes = ? where message_id = ?").setParameter(1, bytes)
                .setParameter(2, mailId).executeUpdate();
    }

    public long count(Class<?> entity) {
        var cb = em.getCriteriaBuilder();
        var query = cb.createQuery(Long.class);
        return em.createQuery(query.select(cb.count(query.from(entity)))).getSingleResult();
    }

    /** The newest audit records of an event by a person, newest first. */
    public java.util.List<cn.edu.xietong.audit.AuditRecord> audits(cn.edu.xietong.audit.AuditEvent event,
                                                                   String login) {
        return em.createQuery("select r from AuditRecord r where r.event = :event and r.actorLogin = :login"
                        + " order by r.seq desc", cn.edu.xietong.audit.AuditRecord.class)
                .setParameter("event", event).setParameter("login", login).getResultList();
    }

    /**
     * Replaces a person's recovery codes by rows of the form stored before codes were keyed (S2): the plain SHA-256
     * of each code, and no salt.
     */
    public void legacyRecoveryCodes(long personId, java.util.List<String> sha256Hashes) {
        em.createNativeQuery("delete from recovery_code where person_id = ?1").setParameter(1, personId)
                .executeUpdate();
        for (String hash : sha256Hashes) {
            em.createNativeQuery("insert into recovery_code (person_id, code_hash) values (?1, ?2)")
                    .setParameter(1, personId).setParameter(2, hash).executeUpdate();
        }
        em.createNativeQuery("update second_factor set recovery_salt = null where person_id = ?1")
                .setParameter(1, personId).executeUpdate();
    }

    @jakarta.ejb.EJB
    private cn.edu.xietong.notification.Notifications notifications;

    /** Posts a flow notification of that kind to the person about object {@code objectId}, in a transaction of its own. */
    public long notify(Person person, String kind, long objectId, String subject, String note) {
        cn.edu.xietong.notification.Notification n = new cn.edu.xietong.notification.Notification(
                em.find(Person.class, person.getId()), cn.edu.xietong.directory.Module.FLOWS, objectId, kind, subject,
                cn.edu.xietong.notification.NotificationText.key("notification.flow." + kind), note, Instant.now());
        notifications.post(n);
        return n.getId();
    }

    /** Posts a notification, then fails, so that its transaction rolls back. */
    public void notifyThenFail(Person person, String kind) {
        notify(person, kind, 1, "回滚", null);
        throw new IllegalStateException("the event fails after its notification was posted");
    }

    /** The person's outbox mails, oldest first. */
    public java.util.List<cn.edu.xietong.mail.OutboxMail> outboxOf(Person person) {
        return em.createQuery("select m from OutboxMail m where m.personId = :p order by m.id",
                cn.edu.xietong.mail.OutboxMail.class).setParameter("p", person.getId()).getResultList();
    }

    /** Marks the person's waiting outbox mails FAILED after their last attempt, as if SMTP had refused them. */
    public int failOutbox(Person person) {
        // the outbox timer may hold one of them at this moment: taking the claim away makes its outcome a no-op
        return em.createQuery("update OutboxMail m set m.state = :failed, m.attempts = 8, m.lastError = :error,"
                + " m.claimedBy = null, m.version = m.version + 1"
                + " where m.personId = :p and m.state in :open")
                .setParameter("failed", cn.edu.xietong.mail.OutboxState.FAILED)
                .setParameter("open", java.util.List.of(cn.edu.xietong.mail.OutboxState.PENDING,
                        cn.edu.xietong.mail.OutboxState.SENDING))
                .setParameter("error", "SMTPSendFailedException: 550 mailbox unavailable")
                .setParameter("p", person.getId()).executeUpdate();
    }
}
