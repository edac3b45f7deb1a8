package cn.edu.xietong.flow.notice;

import java.io.Serializable;
import java.time.Instant;

/**
 * A notice as the workbench lists it to its reader (B2, A2): what happened, when, to which instance (its title and id
 * for the link) and the note that came with it; nothing else of the instance (S3).
 */
public record ListedNotice(long id, NoticeKind kind, Instant createdAt, long instanceId, String title, String note)
        implements Serializable {

    static ListedNotice of(FlowNotice notice) {
        return new ListedNotice(notice.getId(), notice.getKind(), notice.getCreatedAt(),
                notice.getInstance().getId(), notice.getInstance().getTitle(), notice.getNote());
    }
}
