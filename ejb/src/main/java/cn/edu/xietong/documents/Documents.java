package cn.edu.xietong.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.IncomingFile;
import cn.edu.xietong.search.SearchJournal;
import cn.edu.xietong.shared.BackupStore;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.io.InputStream;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * What people do with documents (O3.5, E2, S4): upload (checked, scanned and stored once per content), new versions
 * (every earlier one kept), check-out and check-in, metadata, moves, archive and restore, the recycle bin, and the
 * confidentiality level. Every method checks the caller's right on the document it is given ({@link Guard}); a
 * manager's acts on others' work (breaking a lock, changing a level, purging) are audited.
 */
@Stateless
@RolesAllowed("STAFF")
public class Documents {

    private static final java.util.logging.Logger LOG =
            java.util.logging.Logger.getLogger(Documents.class.getName());

    static final String COPIES_FOLDER = "公共文档副本";

    @Inject
    private SearchJournal search;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private OfficeClock clock;

    @EJB
    private AuditTrail audit;

    @EJB
    private ContentStore store;

    private Guard guard() {
        return new Guard(em, directory.me());
    }

    /**
     * Uploads a file as a new document of a folder (null: the library's root), its title the file's name. In the
     * public library the document is owned by a department ({@code ownerUnitId}, by default the uploader's unit),
     * whose library receives its own copy (E2).
     *
     * @throws cn.edu.xietong.shared.InvalidInputException ({@code file.…}) when the file is refused; nothing is stored
     * @throws DomainException {@code document.nameClash} when the folder holds a document of that name
     */
    public long upload(long libraryId, Long folderId, String fileName, InputStream content, Level level,
                       Long ownerUnitId) {
        return upload(libraryId, folderId, fileName, IncomingFile.of(content), level, ownerUnitId);
    }

    /** Uploads as {@link #upload(long, Long, String, InputStream, Level, Long)}; a received file is moved, not copied. */
    public long upload(long libraryId, Long folderId, String fileName, IncomingFile content, Level level,
                       Long ownerUnitId) {
        Guard guard = guard();
        Person me = guard.me();
        Library library = em.find(Library.class, libraryId);
        if (library == null) {
            throw new EJBAccessException("no library " + libraryId);
        }
        Folder folder = guard.folder(library, folderId, Access.WRITE);
        Unit owner = null;
        if (library.isPublic()) {
            owner = ownerUnitId == null ? me.getUnit() : em.find(Unit.class, ownerUnitId);
            if (owner == null) {
                throw new DomainException("document.grant.noSuchUnit");
            }
        }
        Instant now = clock.now();
        Document document = new Document(library, folder, fileName, level, owner, me, now);
        refuseClash(library, folder, document.getTitle());
        StoredContent stored = store.store(me.getLogin(), fileName, content);
        em.persist(document);
        DocumentVersion version = new DocumentVersion(document, 1, stored, me, now);
        em.persist(version);
        audit.record(AuditEvent.DOCUMENT_UPLOAD, AuditOutcome.SUCCESS, me.getLogin(), null,
                "document " + document.getId() + " v1 " + stored.fileName() + " " + stored.size() + " B sha256="
                        + stored.sha256() + " level " + document.getLevel() + " in library " + library.getId());
        if (owner != null) {
            copyForOwner(version, owner, me, now);
        }
        search.changed(DocumentSearchSource.KIND, document.getId());
        return document.getId();
    }

    /** E2: the owning department's own copy of a public document's version, in its library's copies folder. */
    private void copyForOwner(DocumentVersion version, Unit owner, Person me, Instant now) {
        Library unitLibrary = Libraries.ensure(em, owner, now);
        Folder copies = em.createNamedQuery(Folder.COPIES, Folder.class).setParameter("library", unitLibrary)
                .getResultStream().findFirst().orElseGet(() -> {
                    Folder made = new Folder(unitLibrary, null, COPIES_FOLDER, true, now);
                    em.persist(made);
                    return made;
                });
        Document copy = Document.copyOf(version, unitLibrary, copies, me, now);
        em.persist(copy);
        em.persist(new DocumentVersion(copy, version, me, now));
        em.flush();
        search.changed(DocumentSearchSource.KIND, copy.getId());
    }

    /** @throws DomainException {@code document.nameClash} when more than {@code allowed} documents there bear the title */
    private void refuseClash(Library library, Folder folder, String title, int allowed) {
        List<Document> siblings = folder == null
                ? em.createNamedQuery(Document.AT_ROOT, Document.class).setParameter("library", library)
                .getResultList()
                : em.createNamedQuery(Document.IN_FOLDER, Document.class).setParameter("library", library)
                .setParameter("folder", folder).getResultList();
        String wanted = title.toLowerCase(Locale.ROOT);
        if (siblings.stream().filter(d -> d.getTitle().toLowerCase(Locale.ROOT).equals(wanted)).count() > allowed) {
            throw new DomainException("document.nameClash", title);
        }
    }

    private void refuseClash(Library library, Folder folder, String title) {
        refuseClash(library, folder, title, 0);
    }

    /**
     * Uploads a new version; every earlier one stays viewable and downloadable.
     *
     * @throws DomainException {@code document.lockedBy} (naming the holder) when someone else has it checked out,
     *                         {@code document.archived} when it is archived
     */
    public int addVersion(long documentId, String fileName, InputStream content) {
        return addVersion(documentId, fileName, IncomingFile.of(content));
    }

    /** Uploads a new version as {@link #addVersion(long, String, InputStream)}; a received file is moved. */
    public int addVersion(long documentId, String fileName, IncomingFile content) {
        Guard guard = guard();
        Person me = guard.me();
        Document document = guard.document(documentId, Access.WRITE);
        Instant now = clock.now();
        document.acceptVersionFrom(me, now);
        StoredContent stored = store.store(me.getLogin(), fileName, content);
        int number = em.createNamedQuery(DocumentVersion.LATEST, DocumentVersion.class)
                .setParameter("document", document).getResultStream().findFirst()
                .map(DocumentVersion::getNumber).orElse(0) + 1;
        em.persist(new DocumentVersion(document, number, stored, me, now));
        audit.record(AuditEvent.DOCUMENT_UPLOAD, AuditOutcome.SUCCESS, me.getLogin(), null,
                "document " + document.getId() + " v" + number + " " + stored.fileName() + " " + stored.size()
                        + " B sha256=" + stored.sha256());
        search.changed(DocumentSearchSource.KIND, documentId);
        return number;
    }

    /** Checks the document out: until checked in, only the caller adds versions. */
    public void checkOut(long documentId) {
        Guard guard = guard();
        guard.document(documentId, Access.WRITE).checkOut(guard.me(), clock.now());
    }

    public void checkIn(long documentId) {
        Guard guard = guard();
        guard.document(documentId, Access.WRITE).checkIn(guard.me());
    }

    /** A manager ends someone's check-out (audited, naming the holder). */
    public void breakLock(long documentId) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.MANAGE);
        Person holder = document.breakLock();
        if (holder != null) {
            audit.record(AuditEvent.DOCUMENT_CHANGE, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                    "broke the check-out of document " + documentId + " held by " + holder.getLogin());
        }
    }

    public void describe(long documentId, String title, String description, String tags) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.WRITE);
        document.requireNotLockedByOther(guard.me());
        String before = document.getTitle();
        document.describe(title, description, tags, clock.now());
        if (!before.equalsIgnoreCase(document.getTitle())) {
            refuseClash(document.getLibrary(), document.getFolder(), document.getTitle(), 1);
        }
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    /** Moves a document to another folder of its library (null: the root). */
    public void move(long documentId, Long folderId) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.WRITE);
        document.requireNotLockedByOther(guard.me());
        Folder target = guard.folder(document.getLibrary(), folderId, Access.WRITE);
        if (target == null ? document.getFolder() == null : target.isSameAs(document.getFolder())) {
            return;
        }
        refuseClash(document.getLibrary(), target, document.getTitle());
        document.moveTo(target, clock.now());
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    /**
     * Archives (归档) a document under a number unique in its library, kept for a number of years; it is read-only
     * until restored. By the library's managers.
     */
    public void archive(long documentId, String archiveNumber, int retentionYears) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.MANAGE);
        String number = archiveNumber == null ? "" : archiveNumber.strip();
        if (em.createNamedQuery(Document.ARCHIVE_NUMBER_TAKEN, Long.class)
                .setParameter("library", document.getLibrary()).setParameter("number", number)
                .getSingleResult() > 0) {
            throw new DomainException("document.archive.numberTaken", number);
        }
        Instant now = clock.now();
        document.archive(number, retentionYears, now);
        ArchiveCopy copy = copyToBackup(document, number, now);
        audit.record(AuditEvent.DOCUMENT_CHANGE, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "archived document " + documentId + " as " + number + " for " + retentionYears + " years; copied to "
                        + copy.getPath() + " sha256=" + copy.getSha256());
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    /**
     * E1: the archived version's file, copied at once to the backup store ({@code archived/<year>/}), read-only,
     * recorded with its SHA-256 (checked against the content's own). If it cannot be written, nothing is archived.
     */
    private ArchiveCopy copyToBackup(Document document, String number, Instant now) {
        DocumentVersion latest = em.createNamedQuery(DocumentVersion.LATEST, DocumentVersion.class)
                .setParameter("document", document).getResultStream().findFirst()
                .orElseThrow(() -> new DomainException("document.archive.backupFailed"));
        String extension = latest.getFileName().contains(".")
                ? latest.getFileName().substring(latest.getFileName().lastIndexOf('.')).replaceAll("[^.A-Za-z0-9]", "")
                : "";
        String relative = String.format("archived/%04d/library-%d/document-%d-v%d-%s%s",
                now.atZone(Campus.zone()).getYear(), document.getLibrary().getId(), document.getId(),
                latest.getNumber(), latest.getSha256().substring(0, 12), extension);
        BackupStore.Copy written;
        try (InputStream in = java.nio.file.Files.newInputStream(ContentStore.pathOf(latest.getSha256()))) {
            written = BackupStore.write(relative, in);
        } catch (java.io.IOException failed) {
            LOG.log(java.util.logging.Level.SEVERE, "E1: the archive copy of document " + document.getId()
                    + " could not be written to " + relative + "; it is not archived", failed);
            throw new DomainException("document.archive.backupFailed");
        }
        if (!written.sha256().equals(latest.getSha256())) {
            throw new IllegalStateException("the content of " + latest.getSha256() + " has changed in the store");
        }
        ArchiveCopy copy = new ArchiveCopy(document.getId(), latest.getId(), number, written.path(),
                written.sha256(), written.size(), now);
        em.persist(copy);
        return copy;
    }

    public void restoreFromArchive(long documentId) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.MANAGE);
        String number = document.getArchiveNumber();
        document.restoreFromArchive(clock.now());
        audit.record(AuditEvent.DOCUMENT_CHANGE, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "restored document " + documentId + " from the archive (" + number + ")");
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    /** Moves a document to the recycle bin. */
    public void bin(long documentId) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.WRITE);
        document.bin(clock.now());
        audit.record(AuditEvent.DOCUMENT_CHANGE, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "moved document " + documentId + " to the recycle bin");
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    public void restoreFromBin(long documentId) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.WRITE);
        document.restoreFromBin(clock.now());
        refuseClash(document.getLibrary(), document.getFolder(), document.getTitle(), 1);
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    /**
     * Deletes a binned document for good, by the library's managers (audited). Its versions go with it; the content
     * stays in the store until the cleanup job finds it unreferenced.
     */
    public void purge(long documentId) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.MANAGE);
        if (document.getState() != DocumentState.BINNED) {
            throw new DomainException("document.notBinned");
        }
        if (!em.createNamedQuery(Document.COPIES_OF, Document.class).setParameter("document", document)
                .getResultList().isEmpty()) {
            throw new DomainException("document.hasCopies");
        }
        em.createQuery("delete from DocumentGrant g where g.document = :document").setParameter("document", document)
                .executeUpdate();
        em.createQuery("delete from DocumentVersion v where v.document = :document")
                .setParameter("document", document).executeUpdate();
        em.remove(document);
        audit.record(AuditEvent.DOCUMENT_CHANGE, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "purged document " + documentId + " (" + document.getTitle() + ") from the recycle bin");
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    /**
     * Changes a document's confidentiality level (S4): only by the library's managers and with a reason, audited with
     * the level before and after.
     */
    public void changeLevel(long documentId, Level level, String reason) {
        Guard guard = guard();
        Document document = guard.document(documentId, Access.MANAGE);
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > 500) {
            throw new DomainException("document.level.reasonRequired");
        }
        if (level == null) {
            throw new DomainException("document.level.required");
        }
        Level before = document.getLevel();
        if (before == level) {
            return;
        }
        document.changeLevel(level, clock.now());
        audit.record(AuditEvent.DOCUMENT_LEVEL, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "document " + documentId + " level " + before + " -> " + level + ": " + why);
        search.changed(DocumentSearchSource.KIND, documentId);
    }

    /** A document with its versions, for a reader; the opening is audited as a view. */
    public OpenedDocument open(long documentId) {
        Guard guard = guard();
        Document d = guard.document(documentId, Access.READ);
        Access access = guard.on(d);
        List<OpenedDocument.VersionLine> versions = em.createNamedQuery(DocumentVersion.OF, DocumentVersion.class)
                .setParameter("document", d).getResultList().stream()
                .map(v -> new OpenedDocument.VersionLine(v.getId(), v.getNumber(), v.getFileName(),
                        v.getContentType(), v.getSize(), v.getSha256(), v.getCreatedBy().getFullName(),
                        v.getCreatedAt(), new DocumentContent(v.getFileName(), v.getContentType(), v.getSize(),
                        v.getSha256()).previewable())).toList();
        audit.record(AuditEvent.DOCUMENT_VIEW, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "opened document " + documentId + " (" + d.getLevel() + ")");
        Library library = d.getLibrary();
        return new OpenedDocument(d.getId(), library.getId(), library.getUnit() == null ? null
                : library.getUnit().name(), d.getFolder() == null ? null : d.getFolder().getId(), d.getTitle(),
                d.getDescription(), d.getTags(), d.getLevel(), d.getState(),
                d.getLockedBy() == null ? null : d.getLockedBy().getFullName(),
                d.getLockedBy() != null && d.getLockedBy().getId().equals(guard.me().getId()),
                d.getArchiveNumber(), d.getRetentionYears(),
                d.getOwnerUnit() == null ? null : d.getOwnerUnit().name(),
                d.getCopyOf() == null ? null : d.getCopyOf().getNumber(), versions, access,
                d.getState() != DocumentState.ARCHIVED ? null : em.createNamedQuery(ArchiveCopy.OF_DOCUMENT,
                        ArchiveCopy.class).setParameter("document", d.getId()).setMaxResults(1).getResultStream()
                        .map(c -> new OpenedDocument.Backup(c.getSha256(), c.getWrittenAt())).findFirst()
                        .orElse(null));
    }
}
