package cn.edu.xietong.chat;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.mail.Delivery;
import cn.edu.xietong.mail.MailKind;
import cn.edu.xietong.mail.MailableKinds;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;

/**
 * New instant messages as a notification a person may also have e-mailed (C2): not by default — a conversation is
 * read in Xietong — but at once or in the daily digest if chosen. The e-mail names who wrote (or the group) and links
 * to the conversation; the messages stay in Xietong (S4). One notice per conversation until it is read, so a lively
 * conversation does not flood anyone's e-mail.
 */
@ApplicationScoped
public class ChatMailKinds implements MailableKinds {

    private static final String TEXT = "cn.edu.xietong.chat.ChatNoticeText";

    @Override
    public List<MailKind> mailableKinds() {
        return List.of(new MailKind(Module.MAIL, Conversations.NEW_MESSAGE, Delivery.NONE, TEXT,
                "/chat/chat.xhtml?c={0}"));
    }
}
