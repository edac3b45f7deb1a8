package cn.edu.xietong.notices;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A published item as its reader opens it: the published version's title and sanitised text, the publishing unit
 * and category, when it was published, the version number, and the earlier published versions (B4: kept and
 * viewable), the publish-time copy of an important item (E1), and whether the reader may follow who has read it.
 */
public record OpenedNotice(long id, NoticeKind kind, Bilingual category, Bilingual unit, String title, String html,
                           Instant publishedAt, int version, List<VersionLine> versions, Backup backup,
                           boolean tracked, List<NoticeFile> files) implements Serializable {

    /** The publish-time copy of the version read (E1): its SHA-256 and when it was written. */
    public record Backup(String sha256, Instant at) implements Serializable {
    }

    /** A version as the version list shows it. */
    public record VersionLine(long id, int number, String title, NoticeVersion.State state, Instant decidedAt)
            implements Serializable {

        static VersionLine of(NoticeVersion v) {
            return new VersionLine(v.getId(), v.getNumber(), v.getTitle(), v.getState(), v.getDecidedAt());
        }
    }
}
