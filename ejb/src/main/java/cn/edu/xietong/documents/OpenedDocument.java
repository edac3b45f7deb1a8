package cn.edu.xietong.documents;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A document as its page shows it: metadata, state, lock, its versions, and what the caller may do with it. */
public record OpenedDocument(long id, long libraryId, Bilingual library, Long folderId, String title,
                             String description, String tags, Level level, DocumentState state, String lockedBy,
                             boolean lockedByMe, String archiveNumber, Integer retentionYears, Bilingual ownerUnit,
                             Integer copyOfVersion, List<VersionLine> versions, Access access, Backup archiveCopy)
        implements Serializable {

    /** The copy written to the backup store when the document was archived (E1): its SHA-256 and when. */
    public record Backup(String sha256, Instant at) implements Serializable {
    }

    public record VersionLine(long id, int number, String fileName, String contentType, long size, String sha256,
                              String by, Instant at, boolean previewable) implements Serializable {
    }

    public VersionLine latest() {
        return versions.isEmpty() ? null : versions.get(versions.size() - 1);
    }

    public boolean controlled() {
        return level == Level.CONTROLLED;
    }
}
