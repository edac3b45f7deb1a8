package cn.edu.xietong.web.notification;

import cn.edu.xietong.chat.Conversations;
import cn.edu.xietong.directory.Module;
import cn.edu.xietong.inspection.ConfidentialityInspection;
import cn.edu.xietong.notification.ListedNotification;
import cn.edu.xietong.notification.NotificationText;
import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.web.shared.Messages;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.util.Optional;

/**
 * How a notification reads and where it leads, in one place for every page that shows one: its text in the reader's
 * language, and the page of its object by module (a module without pages of its own yet leads nowhere).
 */
@Named
@RequestScoped
public class NotificationLinks {

    @Inject
    private Messages messages;

    @Inject
    private FacesContext faces;

    /** What happened, in the language of the page. */
    public String text(ListedNotification row) {
        NotificationText text = row.text();
        if (text.key() != null) {
            return messages.text(text.key(), text.arguments().toArray());
        }
        return new Bilingual(text.zh(), text.en()).in(faces.getViewRoot().getLocale());
    }

    /** The path (from the context root) of the page that shows the object, if its module has one. */
    public static Optional<String> path(Module module, String kind, long objectId) {
        if (ConfidentialityInspection.NOTIFICATION_KIND.equals(kind)) {
            return Optional.of("/oversight/inspection.xhtml?run=" + objectId);
        }
        return switch (module) {
            case FLOWS -> Optional.of("/flow/instance.xhtml?id=" + objectId);
            case MAIL -> Optional.of(Conversations.NEW_MESSAGE.equals(kind) ? "/chat/chat.xhtml?c=" + objectId
                    : "/mail/read.xhtml?mail=" + objectId);
            case NOTICES -> Optional.of("/notices/notice.xhtml?id=" + objectId);
            default -> Optional.empty();
        };
    }
}
