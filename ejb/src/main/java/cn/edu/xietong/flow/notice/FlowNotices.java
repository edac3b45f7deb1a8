package cn.edu.xietong.flow.notice;

import cn.edu.xietong.directory.DirectoryService;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.mail.MailGateway;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Tells a person about a flow (B2, A2): an in-app notice, and an e-mail to their address through the mail gateway,
 * in Chinese with an English line. Callers are the flow services and the overdue sweep, inside their transactions.
 */
@Stateless
@RolesAllowed("STAFF")
public class FlowNotices {

    private static final String BUNDLE = "cn.edu.xietong.flow.notice.NoticeText";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Campus.zone());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private MailGateway mail;

    @EJB
    private OfficeClock clock;

    @EJB
    private DirectoryService directory;

    /** Notifies {@code person} about {@code instance}; {@code subjectArgument} names the handler for escalations. */
    @PermitAll
    public void tell(Person person, FlowInstance instance, NoticeKind kind, String note, Instant due,
                     String subjectArgument) {
        em.persist(new FlowNotice(person, instance, kind, note, clock.now()));
        if (person.getEmail() == null || person.getEmail().isBlank()) {
            return;
        }
        String subject = text(kind, "subject", instance.getTitle(), subjectArgument);
        String body = text(kind, "body", person.getFullName(), instance.getTitle(),
                instance.getDesign().getNameZh(), due == null ? "" : TIME.format(due), note == null ? "" : note,
                subjectArgument == null ? "" : subjectArgument);
        mail.sendNotice(kind.mail(), person.getEmail(), subject, body, "system");
    }

    private static String text(NoticeKind kind, String part, Object... arguments) {
        String zh = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE).getString(kind.name() + "." + part);
        String en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(kind.name() + "." + part);
        String separator = "subject".equals(part) ? " / " : "\n\n";
        return MessageFormat.format(zh, arguments) + separator + MessageFormat.format(en, arguments);
    }

    /** The caller's unread notices, newest first. */
    public List<ListedNotice> mine() {
        return em.createNamedQuery(FlowNotice.UNREAD_OF, FlowNotice.class)
                .setParameter("person", directory.me().getId()).setMaxResults(50).getResultStream()
                .map(ListedNotice::of).toList();
    }

    /** Marks one of the caller's notices read. */
    public void read(long noticeId) {
        FlowNotice notice = em.find(FlowNotice.class, noticeId);
        if (notice != null && notice.getPerson().getId().equals(directory.me().getId())) {
            notice.read(clock.now());
        }
    }
}
