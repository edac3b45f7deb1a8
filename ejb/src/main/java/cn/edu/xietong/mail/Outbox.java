package cn.edu.xietong.mail;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.notification.Notification;
import cn.edu.xietong.notification.NotificationPosted;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.util.Optional;
import java.util.logging.Logger;

/**
 * The durable outbox's intake (C2): when a notification is posted, the e-mail for it (if its person wants that kind
 * by e-mail and has an address) is stored as an {@link OutboxMail} in the same transaction, so a notification that
 * commits always has its mail and one rolled back has none. A mail to go at once is handed to the sender right after
 * the commit; a timer ({@link OutboxTimer}) picks up whatever that missed.
 */
@Stateless
@PermitAll
public class Outbox {

    private static final Logger LOG = Logger.getLogger(Outbox.class.getName());
    private static final String KICK = Outbox.class.getName() + ".kick";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private MailKinds kinds;

    @EJB
    private OfficeClock clock;

    @EJB
    private OutboxSender sender;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Resource
    private ManagedExecutorService executor;

    /** Stores the e-mail of a notification just posted, if its person wants it. */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void posted(@Observes NotificationPosted event) {
        Notification notification = event.notification();
        Person person = notification.getPerson();
        Optional<MailKind> kind = kinds.find(notification.getModule(), notification.getKind());
        if (kind.isEmpty() || !person.isActive() || !Person.validEmail(person.getEmail())) {
            return;
        }
        MailPreference preference = em.find(MailPreference.class, person.getId());
        Delivery delivery = MailPreferences.delivery(preference, kind.get());
        if (delivery == Delivery.NONE) {
            return;
        }
        MailLanguage language = preference == null ? MailLanguage.BOTH : preference.getLanguage();
        boolean held = delivery == Delivery.DIGEST;
        NotificationMail.Text text = held ? NotificationMail.line(notification, kind.get(), language)
                : NotificationMail.of(notification, kind.get(), language, person.getFullName());
        em.persist(new OutboxMail(person.getId(), kind.get().code(), notification.getId(), person.getEmail().strip(),
                text, held, clock.now()));
        if (!held) {
            sendAfterCommit();
        }
    }

    /** Once per transaction: when it commits, the sender runs at once on another thread. */
    private void sendAfterCommit() {
        if (transaction.getResource(KICK) != null) {
            return;
        }
        transaction.putResource(KICK, Boolean.TRUE);
        OutboxSender kicked = sender;
        ManagedExecutorService threads = executor;
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing before: the mail is sent only once its row has committed
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    try {
                        threads.submit(kicked::sendDue);
                    } catch (RuntimeException e) {
                        LOG.fine(() -> "outbox: the timer will send instead (" + e + ")");
                    }
                }
            }
        });
    }
}
