package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The whole item a publishing flow decides on (B4), as its approvers, its supervisor and its writer read it from the
 * flow instance: the version's full text (the approval form carries only a summary), the audience and how it will
 * show. The item is still unpublished: nobody of its audience reads it here.
 */
public record NoticeUnderReview(long noticeId, NoticeKind kind, Bilingual category, Bilingual unit, String author,
                                int version, NoticeVersion.State versionState, String title, String html,
                                List<AudienceLine> audience, Instant publishAt, Instant expireAt, boolean pinned,
                                boolean mustRead, LocalDate readBy, boolean important, List<NoticeFile> files)
        implements Serializable {
}
