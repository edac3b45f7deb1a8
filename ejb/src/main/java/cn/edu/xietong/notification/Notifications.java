package cn.edu.xietong.notification;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * The notification centre (A2, B2): modules post what a person is to be told inside the transaction of the event, so
 * that an event rolled back leaves no notification and a committed one always has its notifications; each person
 * lists, opens and marks read only their own. Someone else's notification is refused alike whether it exists or not
 * (an {@link EJBAccessException}, which the pages answer with 403 and a logged warning).
 */
@Stateless
@RolesAllowed("STAFF")
public class Notifications {

    /** The most a list holds (the newest). */
    public static final int LIST_LIMIT = 200;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private OfficeClock clock;

    @Inject
    private Event<NotificationPosted> posted;

    /**
     * Stores a notification in the caller's transaction (there must be one: it is the event's), and tells the
     * observers of {@link NotificationPosted} in that transaction (the mail gateway stores its e-mail, C2).
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void post(Notification notification) {
        em.persist(notification);
        posted.fire(new NotificationPosted(notification));
    }

    /** The caller's notifications, newest first, read ones too. */
    public List<ListedNotification> mine() {
        return em.createNamedQuery(Notification.OF_PERSON, Notification.class)
                .setParameter("person", directory.me().getId()).setMaxResults(LIST_LIMIT).getResultStream()
                .map(ListedNotification::of).toList();
    }

    /** The caller's unread notifications, newest first, at most {@code limit}. */
    public List<ListedNotification> unread(int limit) {
        return em.createNamedQuery(Notification.UNREAD_OF, Notification.class)
                .setParameter("person", directory.me().getId()).setMaxResults(Math.max(1, Math.min(limit, LIST_LIMIT)))
                .getResultStream().map(ListedNotification::of).toList();
    }

    /** How many of the caller's notifications are unread (the bell). */
    public long unreadCount() {
        return em.createNamedQuery(Notification.COUNT_UNREAD_OF, Long.class)
                .setParameter("person", directory.me().getId()).getSingleResult();
    }

    /**
     * Marks one of the caller's notifications read and gives it back, for the page to open its object.
     *
     * @throws EJBAccessException when it is not the caller's or does not exist
     */
    public ListedNotification read(long notificationId) {
        Person me = directory.me();
        Notification notification = em.find(Notification.class, notificationId);
        if (notification == null || !notification.isFor(me)) {
            throw new EJBAccessException(me.getLogin() + " asked for notification " + notificationId
                    + ", which is not theirs");
        }
        notification.read(clock.now());
        return ListedNotification.of(notification);
    }

    /** Marks every unread notification of the caller read; returns how many. */
    public int readAll() {
        return em.createNamedQuery(Notification.READ_ALL_OF).setParameter("person", directory.me().getId())
                .setParameter("now", clock.now()).executeUpdate();
    }
}
