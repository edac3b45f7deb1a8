package cn.edu.xietong.mail;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * The mail gateway's administration (C2): its settings and a test mail, sent at once through the mail session the
 * server configures, so the SMTP host and port are the operator's to set ({@code -Dxietong.smtp.host},
 * {@code -Dxietong.smtp.port}); every test is logged. Notifications go through the outbox ({@link Outbox}).
 */
@Stateless
public class MailGateway {

    private static final String BUNDLE = "cn.edu.xietong.mail.MailText";

    @EJB
    private OfficeClock clock;

    @Resource(lookup = "java:jboss/mail/Oa")
    private Session session;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    @EJB
    private AuditTrail audit;

    /** The gateway's effective SMTP settings. */
    @RolesAllowed("SYS_ADMIN")
    public GatewaySettings settings() {
        var p = session.getProperties();
        return new GatewaySettings(p.getProperty("mail.smtp.host", "localhost"),
                Integer.parseInt(p.getProperty("mail.smtp.port", "25")),
                p.getProperty("mail.from", p.getProperty("mail.smtp.from", "")),
                Boolean.parseBoolean(p.getProperty("mail.smtp.starttls.enable", "false")));
    }

    /**
     * Sends a test mail, in the given language, to check that the gateway delivers. The attempt is logged whatever
     * its outcome; a refused delivery is returned as a FAILED dispatch with the server's reason, not thrown.
     *
     * @throws DomainException {@code mail.recipient.invalid} when the address is not a single valid e-mail address
     */
    @RolesAllowed("SYS_ADMIN")
    public MailDispatch sendTestMail(String recipient, Locale locale) {
        InternetAddress to = parseRecipient(recipient);
        ResourceBundle text = ResourceBundle.getBundle(BUNDLE, locale == null ? Locale.SIMPLIFIED_CHINESE : locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        String sender = context.getCallerPrincipal().getName();
        Instant now = clock.now();
        String subject = text.getString("test.subject");
        String body = MessageFormat.format(text.getString("test.body"), sender,
                DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(Campus.zone()).format(now));
        MailDispatch dispatch;
        try {
            MimeMessage message = new MimeMessage(session);
            message.setRecipient(Message.RecipientType.TO, to);
            message.setSubject(subject, "UTF-8");
            message.setText(body, "UTF-8");
            message.setSentDate(Date.from(now));
            Transport.send(message);
            dispatch = new MailDispatch(MailDispatch.Kind.TEST, to.getAddress(), subject, sender, now,
                    MailDispatch.Outcome.SENT, null);
        } catch (MessagingException e) {
            dispatch = new MailDispatch(MailDispatch.Kind.TEST, to.getAddress(), subject, sender, now,
                    MailDispatch.Outcome.FAILED, rootMessage(e));
        }
        em.persist(dispatch);
        audit.record(AuditEvent.MAIL_TEST, dispatch.isSent() ? AuditOutcome.SUCCESS : AuditOutcome.FAILURE, sender,
                null, "to " + dispatch.getRecipient() + (dispatch.isSent() ? "" : ": " + dispatch.getDetail()));
        return dispatch;
    }

    /** The newest dispatches first. */
    @RolesAllowed("SYS_ADMIN")
    public List<MailDispatch> recentDispatches(int max) {
        return em.createNamedQuery(MailDispatch.RECENT, MailDispatch.class).setMaxResults(max).getResultList();
    }

    private static InternetAddress parseRecipient(String recipient) {
        if (recipient == null || recipient.isBlank() || recipient.length() > 254) {
            throw new DomainException("mail.recipient.invalid");
        }
        try {
            InternetAddress address = new InternetAddress(recipient.strip(), true);
            address.validate();
            if (!address.getAddress().contains("@")) {
                throw new DomainException("mail.recipient.invalid");
            }
            return address;
        } catch (AddressException e) {
            throw new DomainException("mail.recipient.invalid");
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
