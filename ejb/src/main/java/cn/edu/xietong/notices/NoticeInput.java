package cn.edu.xietong.notices;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the writing page holds (B4): title and rich text (sanitised by the service), the audience, when the item shows
 * (publish and expiry moments; none: at once, for good), pinned, must-read and by when, and the stored files attached
 * (uploaded by the writer, or already attached to an earlier version of the item).
 */
public record NoticeInput(String title, String html, List<Audience> audience, Instant publishAt, Instant expireAt,
                          boolean pinned, boolean mustRead, LocalDate readBy, List<String> attachmentUids)
        implements Serializable {

    public NoticeInput {
        audience = audience == null ? List.of() : List.copyOf(audience);
        attachmentUids = attachmentUids == null ? List.of() : List.copyOf(attachmentUids);
    }

    /** An item without attached files. */
    public NoticeInput(String title, String html, List<Audience> audience, Instant publishAt, Instant expireAt,
                       boolean pinned, boolean mustRead, LocalDate readBy) {
        this(title, html, audience, publishAt, expireAt, pinned, mustRead, readBy, List.of());
    }
}
