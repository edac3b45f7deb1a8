package cn.edu.xietong.flow.notice;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.flow.instance.NoticeKind;
import cn.edu.xietong.mail.Delivery;
import cn.edu.xietong.mail.MailKind;
import cn.edu.xietong.mail.MailableKinds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The flows' notifications a person may also have e-mailed (C2), and when by default: a to-do, a return, an overdue
 * to-do (the reminder, and the escalation to the unit leader) and urging go at once; the others only if chosen. The
 * mail names the flow by its title and links to it (NoticeText bundles); nothing else of the flow goes into it (S4).
 */
@ApplicationScoped
public class FlowMailKinds implements MailableKinds {

    private static final String TEXT = "cn.edu.xietong.flow.notice.NoticeText";
    private static final Set<NoticeKind> AT_ONCE = EnumSet.of(NoticeKind.TODO, NoticeKind.RETURNED,
            NoticeKind.REMINDER, NoticeKind.ESCALATION, NoticeKind.URGE);
    private static final List<NoticeKind> ORDER = List.of(NoticeKind.TODO, NoticeKind.RETURNED, NoticeKind.REMINDER,
            NoticeKind.ESCALATION, NoticeKind.URGE, NoticeKind.APPROVED, NoticeKind.REJECTED, NoticeKind.COPY);

    @Override
    public List<MailKind> mailableKinds() {
        return ORDER.stream().map(kind -> new MailKind(Module.FLOWS, kind.name(),
                AT_ONCE.contains(kind) ? Delivery.IMMEDIATE : Delivery.NONE, TEXT, "/flow/instance.xhtml?id={0}"))
                .toList();
    }
}
