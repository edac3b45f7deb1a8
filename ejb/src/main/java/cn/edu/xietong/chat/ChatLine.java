package cn.edu.xietong.chat;

import java.io.Serializable;
import java.time.Instant;

/** A message as a member sees it: who wrote it (and whether it was the viewer), the text, a file, when. */
public record ChatLine(long id, String senderLogin, String senderName, boolean mine, String text, String fileUid,
                       String fileName, Long fileSize, Instant sentAt) implements Serializable {

    static ChatLine of(ChatMessage m, long viewerId) {
        return new ChatLine(m.getId(), m.getSender().getLogin(), m.getSender().getFullName(),
                m.getSender().getId() == viewerId, m.getBody(), m.getFileUid(), m.getFileName(), m.getFileSize(),
                m.getSentAt());
    }
}
