package cn.edu.xietong.mail;

import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Sends the outbox (C2), on any number of servers sharing one database. Each due row is claimed in a transaction of
 * its own by a conditional UPDATE ({@link OutboxMail#CLAIM}): it matches only a PENDING row that is due, or a SENDING
 * row whose lease has run out, sets it SENDING with this attempt's token and a lease, and reports one row changed to
 * exactly one claimer; on H2 and PostgreSQL alike the second of two concurrent updates of a row waits for the first
 * and then finds the condition false. The mail is then handed to SMTP outside any transaction, and the outcome is
 * recorded under the token (a sender whose lease was taken over records nothing).
 * <p>
 * The guarantee is at-least-once: nothing is lost (a row leaves PENDING/SENDING only when SMTP took it, an
 * administrator cancelled it, or its attempts are used up) and nothing is sent twice while servers live. A server that
 * dies after SMTP took a mail and before the outcome was recorded leaves the row SENDING; when its lease ends
 * ({@code -Dxietong.mail.leaseSeconds}, 300) it is sent again, with the same Message-ID header, so that receivers can
 * drop the duplicate. Whether a mail is due reads the office clock; leases read the wall clock, so that moving the
 * office clock (tests do) never ends a lease while its mail is being sent.
 */
@Stateless
@PermitAll
public class OutboxSender {

    private static final Logger LOG = Logger.getLogger(OutboxSender.class.getName());
    private static final int BATCH = 100;
    /** At most this many batches in one go (100,000 mails); the timer goes on with the rest. */
    private static final int MAX_ROUNDS = 1_000;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @Resource(lookup = "java:jboss/mail/Oa")
    private Session session;

    @Resource
    private SessionContext context;

    /** The mail a sender claimed: what to hand to SMTP, and the token its outcome is recorded under. */
    public record Claimed(long id, String token, String recipient, String subject, String body, String messageId) {
    }

    @EJB
    private Settings settings;

    /** The back-off in force (the settings of the mail gateway's retries, O2.1). */
    Backoff backoff() {
        return new Backoff(settings.seconds(Setting.MAIL_RETRY_BASE_SECONDS),
                settings.seconds(Setting.MAIL_RETRY_CAP_SECONDS),
                settings.integer(Setting.MAIL_MAX_ATTEMPTS));
    }

    static Duration lease() {
        return Duration.ofSeconds(Long.getLong("xietong.mail.leaseSeconds", 300));
    }

    /**
     * Sends every due mail, batch after batch while batches come back full and this sender still wins claims (a mail
     * to 3,000 people goes out at once, not a batch a tick); returns how many the SMTP server took.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int sendDue() {
        OutboxSender self = context.getBusinessObject(OutboxSender.class);
        int sent = 0;
        for (int round = 0; round < MAX_ROUNDS; round++) {
            List<Long> due = self.due();
            int claimed = 0;
            for (Long id : due) {
                Optional<Claimed> mine = self.claim(id, UUID.randomUUID().toString());
                if (mine.isPresent()) {
                    claimed++;
                    if (deliver(self, mine.get())) {
                        sent++;
                    }
                }
            }
            // a short batch was the last; a batch other senders took entirely is theirs to finish
            if (due.size() < BATCH || claimed == 0) {
                break;
            }
        }
        return sent;
    }

    /** The ids of the mails due now, oldest due first. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> due() {
        return em.createNamedQuery(OutboxMail.DUE, Long.class).setParameter("pending", OutboxState.PENDING)
                .setParameter("sending", OutboxState.SENDING).setParameter("now", clock.now())
                .setParameter("wallClock", Instant.now()).setMaxResults(BATCH).getResultList();
    }

    /** Claims one mail for this attempt, if no other sender has it and it is due; empty otherwise. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public Optional<Claimed> claim(long id, String token) {
        Instant now = clock.now();
        int won = em.createNamedQuery(OutboxMail.CLAIM).setParameter("sending", OutboxState.SENDING)
                .setParameter("pending", OutboxState.PENDING).setParameter("token", token)
                .setParameter("until", Instant.now().plus(lease())).setParameter("wallClock", Instant.now())
                .setParameter("now", now).setParameter("id", id)
                .executeUpdate();
        if (won != 1) {
            return Optional.empty();
        }
        OutboxMail mail = em.find(OutboxMail.class, id);
        return Optional.of(new Claimed(id, token, mail.getRecipient(), mail.getSubject(), mail.getBody(),
                mail.getMessageId()));
    }

    /** Records that SMTP took the claimed mail; false if the claim is no longer this sender's. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordSent(long id, String token) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        return mail != null && mail.sent(token, clock.now());
    }

    /** Records a failed attempt: tried again after the back-off, or FAILED once the attempts are used up. */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean recordFailure(long id, String token, String error) {
        OutboxMail mail = em.find(OutboxMail.class, id);
        return mail != null && mail.failed(token, error, clock.now(), backoff());
    }

    /**
     * Gathers each person's held mails made before {@code before} into one digest mail, to be sent at once; returns
     * how many digests it made. Each person in a transaction of their own.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public int gatherDigests(Instant before) {
        OutboxSender self = context.getBusinessObject(OutboxSender.class);
        List<Long> people = self.heldPeople(before);
        int made = 0;
        for (Long person : people) {
            try {
                if (self.gatherDigest(person, before)) {
                    made++;
                }
            } catch (RuntimeException e) {
                LOG.warning(() -> "digest of person " + person + " not made: " + e);
            }
        }
        return made;
    }

    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public List<Long> heldPeople(Instant before) {
        return em.createNamedQuery(OutboxMail.HELD_PEOPLE, Long.class).setParameter("held", OutboxState.HELD)
                .setParameter("before", before).getResultList();
    }

    /**
     * One person's digest: a new PENDING mail listing their held lines, which become DIGESTED. If another server
     * gathered some of them meanwhile, the conditional update changes fewer rows and this transaction rolls back.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public boolean gatherDigest(long personId, Instant before) {
        List<OutboxMail> held = em.createNamedQuery(OutboxMail.HELD_OF, OutboxMail.class)
                .setParameter("person", personId).setParameter("held", OutboxState.HELD)
                .setParameter("before", before).getResultList();
        Person person = em.find(Person.class, personId);
        if (held.isEmpty() || person == null) {
            return false;
        }
        MailPreference preference = em.find(MailPreference.class, personId);
        MailLanguage language = preference == null ? MailLanguage.BOTH : preference.getLanguage();
        String recipient = Person.validEmail(person.getEmail()) ? person.getEmail().strip()
                : held.get(held.size() - 1).getRecipient();
        OutboxMail digest = new OutboxMail(personId, OutboxMail.DIGEST, null, recipient,
                NotificationMail.digest(held, language, person.getFullName()), false, clock.now());
        em.persist(digest);
        em.flush();
        int gathered = em.createNamedQuery(OutboxMail.GATHER).setParameter("digested", OutboxState.DIGESTED)
                .setParameter("digest", digest.getId()).setParameter("held", OutboxState.HELD)
                .setParameter("ids", held.stream().map(OutboxMail::getId).toList()).executeUpdate();
        if (gathered != held.size()) {
            context.setRollbackOnly();
            return false;
        }
        return true;
    }

    private boolean deliver(OutboxSender self, Claimed mail) {
        try {
            MimeMessage message = new FixedIdMessage(session, mail.messageId());
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(Date.from(clock.now()));
            Transport.send(message);
        } catch (MessagingException | RuntimeException e) {
            LOG.fine(() -> "outbox mail " + mail.id() + " not sent: " + e);
            self.recordFailure(mail.id(), mail.token(), rootMessage(e));
            return false;
        }
        if (!self.recordSent(mail.id(), mail.token())) {
            LOG.warning(() -> "outbox mail " + mail.id() + " was sent after its lease ended: it may be sent twice");
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    /** A message whose Message-ID is the outbox row's, whenever it is sent. */
    private static final class FixedIdMessage extends MimeMessage {

        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
