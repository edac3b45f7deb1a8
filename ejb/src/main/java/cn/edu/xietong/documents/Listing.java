package cn.edu.xietong.documents;

import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** A folder of a library as a page shows it: where it is, what it holds and what the caller may do there. */
public record Listing(LibraryLine library, Long folderId, List<Crumb> path, List<FolderLine> folders,
                      List<DocumentLine> documents, Access access) implements Serializable {

    public record Crumb(long id, String name) implements Serializable {
    }

    public record FolderLine(long id, String name, boolean copies) implements Serializable {
    }

    public record DocumentLine(long id, String title, Level level, DocumentState state, String tags,
                               Integer latestVersion, Long latestVersionId, long size, String lockedBy,
                               String archiveNumber, boolean copy, Instant updatedAt) implements Serializable {
    }

    /** A library the caller may read. */
    public record LibraryLine(long id, boolean publicLibrary, Long unitId, Bilingual name, Access access)
            implements Serializable {
    }
}
