package cn.edu.xietong.notification;

import cn.edu.xietong.directory.Module;

import java.io.Serializable;
import java.time.Instant;

/**
 * A notification as its reader's pages list it (A2, B2): what happened, about which object (its module, id and own
 * name, for the link), the note that came with it, and when it was made and read; nothing else of the object (S3).
 */
public record ListedNotification(long id, Module module, long objectId, String kind, String subject,
                                 NotificationText text, String note, Instant createdAt, Instant readAt)
        implements Serializable {

    static ListedNotification of(Notification n) {
        return new ListedNotification(n.getId(), n.getModule(), n.getObjectId(), n.getKind(), n.getSubject(),
                n.text(), n.getNote(), n.getCreatedAt(), n.getReadAt());
    }

    public boolean unread() {
        return readAt == null;
    }
}
