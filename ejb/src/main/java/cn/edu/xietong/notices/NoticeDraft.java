package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The caller's own item as its writing page opens it (B4): the version being written (or, for an item in review or
 * published with nothing newer, the latest one, read-only), how it shows, and where it stands.
 *
 * @param editable   whether {@link Publishing#write} takes new content now (not while a version is in review)
 * @param versionNew whether saving starts a new version (the latest is published; it stays until the new one passes)
 */
public record NoticeDraft(long id, NoticeKind kind, Bilingual category, Bilingual unit, NoticeState state,
                          int version, NoticeVersion.State versionState, Long instanceId, String title, String html,
                          List<AudienceLine> audience, Instant publishAt, Instant expireAt, boolean pinned,
                          boolean mustRead, LocalDate readBy, boolean editable, boolean versionNew,
                          List<NoticeFile> files)
        implements Serializable {
}
