package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.mail.Delivery;
import cn.edu.xietong.mail.MailKind;
import cn.edu.xietong.mail.MailableKinds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * The internal mailbox's notification that may also go to a person's e-mail (C2): a new mail, at once by default. The
 * e-mail names the sender and the subject and links to the mail; its text and files stay in Xietong (S4).
 */
@ApplicationScoped
public class MailboxMailKinds implements MailableKinds {

    private static final String TEXT = "cn.edu.xietong.mailbox.MailboxNoticeText";

    @Override
    public List<MailKind> mailableKinds() {
        return List.of(new MailKind(Module.MAIL, MailSending.NEW_MAIL, Delivery.IMMEDIATE, TEXT,
                "/mail/read.xhtml?mail={0}"));
    }
}
