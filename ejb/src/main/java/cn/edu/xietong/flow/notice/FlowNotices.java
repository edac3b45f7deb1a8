package cn.edu.xietong.flow.notice;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.NoticeKind;
import cn.edu.xietong.mail.MailDispatch;
import cn.edu.xietong.mail.MailGateway;
import cn.edu.xietong.shared.Campus;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.text.MessageFormat;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Mails a person about a flow (B2, A2): reminders of overdue to-dos, escalations and urging go to their address
 * through the mail gateway, in Chinese with an English line. The in-app notification of the same event is the
 * instance.s own ({@link FlowInstance#takeNotices}); callers are the flow services and the overdue sweep,
 * inside their transactions.
 */
@Stateless
@PermitAll
public class FlowNotices {

    private static final String BUNDLE = "cn.edu.xietong.flow.notice.NoticeText";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(Campus.zone());

    @EJB
    private MailGateway mail;

    /**
     * Mails {@code person} about {@code instance} (kinds {@code REMINDER}, {@code ESCALATION}, {@code URGE});
     * {@code subjectArgument} names the handler for escalations. A person without an address gets no mail.
     */
    public void mail(Person person, FlowInstance instance, NoticeKind kind, String note, Instant due,
                     String subjectArgument) {
        MailDispatch.Kind dispatch = switch (kind) {
            case REMINDER -> MailDispatch.Kind.REMINDER;
            case ESCALATION -> MailDispatch.Kind.ESCALATION;
            case URGE -> MailDispatch.Kind.URGE;
            default -> throw new IllegalArgumentException("flows mail no " + kind);
        };
        if (person.getEmail() == null || person.getEmail().isBlank()) {
            return;
        }
        String subject = text(kind, "subject", instance.getTitle(), subjectArgument);
        String body = text(kind, "body", person.getFullName(), instance.getTitle(),
                instance.getDesign().getNameZh(), due == null ? "" : TIME.format(due), note == null ? "" : note,
                subjectArgument == null ? "" : subjectArgument);
        mail.sendNotice(dispatch, person.getEmail(), subject, body, "system");
    }

    private static String text(NoticeKind kind, String part, Object... arguments) {
        String zh = ResourceBundle.getBundle(BUNDLE, Locale.SIMPLIFIED_CHINESE).getString(kind.name() + "." + part);
        String en = ResourceBundle.getBundle(BUNDLE, Locale.ROOT).getString(kind.name() + "." + part);
        String separator = "subject".equals(part) ? " / " : "\n\n";
        return MessageFormat.format(zh, arguments) + separator + MessageFormat.format(en, arguments);
    }
}
