package cn.edu.xietong.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.search.SearchJournal;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The libraries (O3.5): which ones a person may open, their folders and listings, the recycle bin, and the rights
 * granted on a library, folder or document. Every method checks the caller's right on the object it is given
 * ({@link Guard}); a unit's library is made the first time anyone opens it.
 */
@Stateless
@RolesAllowed("STAFF")
public class Libraries {

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

    private Guard guard() {
        return new Guard(em, directory.me());
    }

    private Library ensure(Unit unit) {
        return ensure(em, unit, clock.now());
    }

    /** The unit's library, made now if it does not exist yet (no right is checked: callers check it). */
    static Library ensure(EntityManager em, Unit unit, java.time.Instant now) {
        return em.createNamedQuery(Library.OF_UNIT, Library.class).setParameter("unit", unit.getId())
                .getResultStream().findFirst().orElseGet(() -> {
                    Library library = new Library(unit, now);
                    em.persist(library);
                    return library;
                });
    }

    /** The libraries the caller may open: their unit's first, the public library, then others they read. */
    public List<Listing.LibraryLine> readable() {
        Guard guard = guard();
        Person me = guard.me();
        Map<Long, Library> libraries = new LinkedHashMap<>();
        Library own = ensure(me.getUnit());
        libraries.put(own.getId(), own);
        Library publicLibrary = em.find(Library.class, Library.PUBLIC_ID);
        libraries.put(publicLibrary.getId(), publicLibrary);
        for (Unit unit : me.scopesOf(Role.UNIT_IT)) {
            Library managed = ensure(unit);
            libraries.putIfAbsent(managed.getId(), managed);
        }
        for (Library library : em.createNamedQuery(Library.ALL_UNITS, Library.class).getResultList()) {
            libraries.putIfAbsent(library.getId(), library);
        }
        List<Listing.LibraryLine> lines = new ArrayList<>();
        for (Library library : libraries.values()) {
            Access access = guard.on(library);
            if (access.allows(Access.READ) || grantedSomewhereIn(library, guard.caller())) {
                lines.add(line(library, access));
            }
        }
        return lines;
    }

    private boolean grantedSomewhereIn(Library library, Caller caller) {
        return em.createQuery("select g from DocumentGrant g where g.library = :library", DocumentGrant.class)
                .setParameter("library", library).getResultStream().anyMatch(g -> g.rule().appliesTo(caller));
    }

    static Listing.LibraryLine line(Library library, Access access) {
        return new Listing.LibraryLine(library.getId(), library.isPublic(),
                library.getUnit() == null ? null : library.getUnit().getId(),
                library.getUnit() == null ? null : library.getUnit().name(), access);
    }

    /** The id of the caller's own unit's library. */
    public long myUnitLibrary() {
        return ensure(directory.me().getUnit()).getId();
    }

    /** The id of a unit's library, for a caller who may read it. */
    public long unitLibrary(long unitId) {
        Guard guard = guard();
        Unit unit = em.find(Unit.class, unitId);
        if (unit == null) {
            throw new EJBAccessException("no unit " + unitId);
        }
        return guard.library(ensure(unit).getId(), Access.READ).getId();
    }

    /** A folder (null: the library's root) with its sub-folders and the documents in use or archived there. */
    public Listing list(long libraryId, Long folderId) {
        Guard guard = guard();
        Library library = em.find(Library.class, libraryId);
        if (library == null) {
            throw new EJBAccessException("no library " + libraryId);
        }
        Folder folder = guard.folder(library, folderId, Access.READ);
        Access access = guard.on(library, folder);
        List<Folder> folders = folder == null
                ? em.createNamedQuery(Folder.AT_ROOT, Folder.class).setParameter("library", library).getResultList()
                : em.createNamedQuery(Folder.UNDER, Folder.class).setParameter("parent", folder).getResultList();
        List<Document> documents = folder == null
                ? em.createNamedQuery(Document.AT_ROOT, Document.class).setParameter("library", library)
                .getResultList()
                : em.createNamedQuery(Document.IN_FOLDER, Document.class).setParameter("library", library)
                .setParameter("folder", folder).getResultList();
        List<Listing.Crumb> path = folder == null ? List.of()
                : folder.path().stream().map(f -> new Listing.Crumb(f.getId(), f.getName())).toList();
        return new Listing(line(library, guard.on(library)), folderId, path,
                folders.stream().map(f -> new Listing.FolderLine(f.getId(), f.getName(), f.isCopies())).toList(),
                documents.stream().map(d -> documentLine(em, d)).toList(), access);
    }

    static Listing.DocumentLine documentLine(EntityManager em, Document d) {
        DocumentVersion latest = em.createNamedQuery(DocumentVersion.LATEST, DocumentVersion.class)
                .setParameter("document", d).getResultStream().findFirst().orElse(null);
        return new Listing.DocumentLine(d.getId(), d.getTitle(), d.getLevel(), d.getState(), d.getTags(),
                latest == null ? null : latest.getNumber(), latest == null ? null : latest.getId(),
                latest == null ? 0 : latest.getSize(), d.getLockedBy() == null ? null : d.getLockedBy().getFullName(),
                d.getArchiveNumber(), d.getCopyOf() != null, d.getUpdatedAt());
    }

    /** Every folder of a library with its path ("a / b / c"), sorted by path: where a document or folder may go. */
    public List<Listing.Crumb> folderChoices(long libraryId) {
        Library library = guard().library(libraryId, Access.READ);
        return em.createNamedQuery(Folder.OF_LIBRARY, Folder.class).setParameter("library", library).getResultList()
                .stream().map(f -> new Listing.Crumb(f.getId(), String.join(" / ",
                        f.path().stream().map(Folder::getName).toList())))
                .sorted(java.util.Comparator.comparing(Listing.Crumb::name)).toList();
    }

    /** The library's recycle bin, for those who may write in the library. */
    public List<Listing.DocumentLine> bin(long libraryId) {
        Guard guard = guard();
        Library library = guard.library(libraryId, Access.WRITE);
        return em.createNamedQuery(Document.BINNED, Document.class).setParameter("library", library).getResultList()
                .stream().map(d -> documentLine(em, d)).toList();
    }

    /**
     * Makes a folder under another (null: at the library's root).
     *
     * @throws DomainException {@code document.nameClash} when the folder already holds one of that name
     */
    public long createFolder(long libraryId, Long parentId, String name) {
        Guard guard = guard();
        Library library = em.find(Library.class, libraryId);
        if (library == null) {
            throw new EJBAccessException("no library " + libraryId);
        }
        Folder parent = guard.folder(library, parentId, Access.WRITE);
        Folder folder = new Folder(library, parent, name, false, clock.now());
        refuseClash(library, parent, folder.getName(), folder);
        em.persist(folder);
        return folder.getId();
    }

    public void renameFolder(long folderId, String name) {
        Folder folder = guard().folder(folderId, Access.WRITE);
        String before = folder.getName();
        folder.rename(name);
        refuseClash(folder.getLibrary(), folder.getParent(), folder.getName(), folder);
        if (!before.equals(folder.getName())) {
            em.flush();
        }
    }

    /**
     * Moves a folder under another folder of its library (null: to the root).
     *
     * @throws DomainException {@code document.folder.cycle} when the target is the folder itself or below it
     */
    public void moveFolder(long folderId, Long targetId) {
        Guard guard = guard();
        Folder folder = guard.folder(folderId, Access.WRITE);
        Folder target = guard.folder(folder.getLibrary(), targetId, Access.WRITE);
        folder.moveTo(target);
        refuseClash(folder.getLibrary(), target, folder.getName(), folder);
        journalUnder(folder.getLibrary(), folder, null);
    }

    /**
     * Tells the search index that who reads the documents of a library, a folder (and below) or one document may have
     * changed.
     */
    private void journalUnder(Library library, Folder folder, Document document) {
        if (document != null) {
            search.changed(DocumentSearchSource.KIND, document.getId());
            return;
        }
        List<Document> all = em.createQuery("select d from Document d where d.library = :library", Document.class)
                .setParameter("library", library).getResultList();
        for (Document d : all) {
            if (folder == null || d.getFolder() != null && d.getFolder().path().contains(folder)) {
                search.changed(DocumentSearchSource.KIND, d.getId());
            }
        }
    }

    /** @throws DomainException {@code document.nameClash} when another folder there bears the name */
    void refuseClash(Library library, Folder parent, String name, Folder self) {
        List<Folder> siblings = parent == null
                ? em.createNamedQuery(Folder.AT_ROOT, Folder.class).setParameter("library", library).getResultList()
                : em.createNamedQuery(Folder.UNDER, Folder.class).setParameter("parent", parent).getResultList();
        String wanted = name.toLowerCase(Locale.ROOT);
        if (siblings.stream().anyMatch(f -> !f.isSameAs(self) && f.getName().toLowerCase(Locale.ROOT).equals(wanted))) {
            throw new DomainException("document.nameClash", name);
        }
    }

    /** The grants on a library (folder and document null), a folder or a document; for its managers. */
    public List<GrantLine> grants(long libraryId, Long folderId, Long documentId) {
        Guard guard = guard();
        List<DocumentGrant> grants;
        if (documentId != null) {
            Document document = guard.document(documentId, Access.MANAGE);
            grants = em.createNamedQuery(DocumentGrant.ON_DOCUMENT, DocumentGrant.class)
                    .setParameter("document", document).getResultList();
        } else if (folderId != null) {
            Folder folder = guard.folder(folderId, Access.MANAGE);
            grants = em.createNamedQuery(DocumentGrant.ON_FOLDERS, DocumentGrant.class)
                    .setParameter("folders", List.of(folder)).getResultList();
        } else {
            Library library = guard.library(libraryId, Access.MANAGE);
            grants = em.createNamedQuery(DocumentGrant.ON_LIBRARY, DocumentGrant.class)
                    .setParameter("library", library).getResultList();
        }
        return grants.stream().map(g -> new GrantLine(g.getId(), g.getGrantee(),
                g.getUnit() == null ? null : g.getUnit().name(), g.getRole(),
                g.getPerson() == null ? null : g.getPerson().getFullName(),
                g.getPerson() == null ? null : g.getPerson().getLogin(), g.getAccess())).toList();
    }

    /**
     * Grants a right on a library (folder and document null), a folder or a document to a unit, a role or a person;
     * by the object's managers, audited.
     */
    public long grant(long libraryId, Long folderId, Long documentId, Grantee grantee, Long unitId, String role,
                      String login, Access access) {
        Guard guard = guard();
        Library library;
        Folder folder = null;
        Document document = null;
        if (documentId != null) {
            document = guard.document(documentId, Access.MANAGE);
            library = document.getLibrary();
        } else if (folderId != null) {
            folder = guard.folder(folderId, Access.MANAGE);
            library = folder.getLibrary();
        } else {
            library = guard.library(libraryId, Access.MANAGE);
        }
        Unit unit = null;
        Person person = null;
        switch (grantee) {
            case UNIT -> {
                unit = unitId == null ? null : em.find(Unit.class, unitId);
                if (unit == null) {
                    throw new DomainException("document.grant.noSuchUnit");
                }
            }
            case ROLE -> {
                try {
                    Role.valueOf(role);
                } catch (IllegalArgumentException | NullPointerException e) {
                    throw new DomainException("document.grant.noSuchRole");
                }
            }
            case PERSON -> person = Person.byLogin(em, login == null ? "" : login.strip()).filter(Person::isActive)
                    .orElseThrow(() -> new DomainException("document.grant.noSuchPerson", login));
        }
        if (access == null || access == Access.NONE) {
            throw new DomainException("document.grant.noAccess");
        }
        DocumentGrant grant = new DocumentGrant(library, folder, document, grantee, unit, role, person, access,
                clock.now(), guard.me().getLogin());
        em.persist(grant);
        journalUnder(library, folder, document);
        audit.record(AuditEvent.DOCUMENT_RIGHTS, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "granted " + access + " to " + grantee + " " + (unit != null ? unit.getCode()
                        : person != null ? person.getLogin() : role) + " on " + target(library, folder, document));
        return grant.getId();
    }

    public void revoke(long grantId) {
        Guard guard = guard();
        DocumentGrant grant = em.find(DocumentGrant.class, grantId);
        if (grant == null) {
            throw new EJBAccessException("no grant " + grantId);
        }
        if (grant.getDocument() != null) {
            guard.document(grant.getDocument().getId(), Access.MANAGE);
        } else if (grant.getFolder() != null) {
            guard.folder(grant.getFolder().getId(), Access.MANAGE);
        } else {
            guard.library(grant.getLibrary().getId(), Access.MANAGE);
        }
        em.remove(grant);
        journalUnder(grant.getLibrary(), grant.getFolder(), grant.getDocument());
        audit.record(AuditEvent.DOCUMENT_RIGHTS, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "took back " + grant.getAccess() + " of " + grant.getGrantee() + " on "
                        + target(grant.getLibrary(), grant.getFolder(), grant.getDocument()));
    }

    static String target(Library library, Folder folder, Document document) {
        return document != null ? "document " + document.getId()
                : folder != null ? "folder " + folder.getId() : "library " + library.getId();
    }

    /**
     * Of these documents, those the caller may read (for a search index: filter hits before counting or showing them).
     */
    public Set<Long> readableAmong(Collection<Long> documentIds) {
        Guard guard = guard();
        Set<Long> readable = new HashSet<>();
        for (Long id : documentIds) {
            Document document = id == null ? null : em.find(Document.class, id);
            if (document != null && document.getState() != DocumentState.BINNED
                    && guard.on(document).allows(Access.READ)) {
                readable.add(id);
            }
        }
        return readable;
    }

    /**
     * Who reads a document (for a search index that stores readers with each document): the library's defaults and
     * every READ-or-better grant on the library, the folders above the document and the document itself. A binned
     * document has no readers. No caller is needed: an indexer may run in the background.
     */
    @PermitAll
    public Readers readers(long documentId) {
        return readersOf(em, em.find(Document.class, documentId));
    }

    /** Who reads a document (see {@link #readers}), for the search source. */
    static Readers readersOf(EntityManager em, Document document) {
        if (document == null || document.getState() == DocumentState.BINNED) {
            return new Readers(false, Set.of(), Set.of(), Set.of(), Set.of());
        }
        Library library = document.getLibrary();
        Set<Long> units = new HashSet<>();
        Set<String> roles = new HashSet<>(Set.of(Role.SYS_ADMIN.name()));
        Set<Long> it = new HashSet<>();
        Set<Long> people = new HashSet<>();
        boolean allStaff = library.isPublic();
        if (!library.isPublic()) {
            units.add(library.getUnit().getId());
            it.add(library.getUnit().getId());
        }
        List<DocumentGrant> grants = new ArrayList<>(em.createNamedQuery(DocumentGrant.ON_LIBRARY,
                DocumentGrant.class).setParameter("library", library).getResultList());
        if (document.getFolder() != null) {
            grants.addAll(em.createNamedQuery(DocumentGrant.ON_FOLDERS, DocumentGrant.class)
                    .setParameter("folders", document.getFolder().path()).getResultList());
        }
        grants.addAll(em.createNamedQuery(DocumentGrant.ON_DOCUMENT, DocumentGrant.class)
                .setParameter("document", document).getResultList());
        for (DocumentGrant grant : grants) {
            switch (grant.getGrantee()) {
                case UNIT -> units.add(grant.getUnit().getId());
                case ROLE -> roles.add(grant.getRole());
                case PERSON -> people.add(grant.getPerson().getId());
            }
        }
        if (roles.contains(Role.STAFF.name())) {
            allStaff = true;
        }
        return new Readers(allStaff, Set.copyOf(units), Set.copyOf(roles), Set.copyOf(it), Set.copyOf(people));
    }
}
