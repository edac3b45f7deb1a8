package cn.edu.xietong.documents;

import cn.edu.xietong.directory.Person;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.List;

/**
 * Loads a library, folder, document or version for one caller and checks the caller's right on that very object
 * ({@link Rights}): a forged id, an object of a library the caller may not use and an object that does not exist are
 * refused alike ({@link EJBAccessException}).
 */
final class Guard {

    private final EntityManager em;
    private final Person me;
    private final Caller caller;

    Guard(EntityManager em, Person me) {
        this.em = em;
        this.me = me;
        this.caller = Caller.of(me);
    }

    Person me() {
        return me;
    }

    Caller caller() {
        return caller;
    }

    Access on(Library library) {
        return Rights.effective(caller, unitOf(library), Caller.chain(library.getUnit()), libraryGrants(library));
    }

    Access on(Library library, Folder folder) {
        if (folder == null) {
            return on(library);
        }
        List<GrantRule> grants = new ArrayList<>(libraryGrants(library));
        grants.addAll(folderGrants(folder.path()));
        return Rights.effective(caller, unitOf(library), Caller.chain(library.getUnit()), grants);
    }

    Access on(Document document) {
        Library library = document.getLibrary();
        List<GrantRule> grants = new ArrayList<>(libraryGrants(library));
        if (document.getFolder() != null) {
            grants.addAll(folderGrants(document.getFolder().path()));
        }
        grants.addAll(em.createNamedQuery(DocumentGrant.ON_DOCUMENT, DocumentGrant.class)
                .setParameter("document", document).getResultList().stream().map(DocumentGrant::rule).toList());
        return Rights.effective(caller, unitOf(library), Caller.chain(library.getUnit()), grants);
    }

    private static Long unitOf(Library library) {
        return library.getUnit() == null ? null : library.getUnit().getId();
    }

    private List<GrantRule> libraryGrants(Library library) {
        return em.createNamedQuery(DocumentGrant.ON_LIBRARY, DocumentGrant.class).setParameter("library", library)
                .getResultList().stream().map(DocumentGrant::rule).toList();
    }

    private List<GrantRule> folderGrants(List<Folder> path) {
        return em.createNamedQuery(DocumentGrant.ON_FOLDERS, DocumentGrant.class).setParameter("folders", path)
                .getResultList().stream().map(DocumentGrant::rule).toList();
    }

    Library library(long id, Access needed) {
        Library library = em.find(Library.class, id);
        if (library == null || !on(library).allows(needed)) {
            throw refused("library", id, needed);
        }
        return library;
    }

    /** A folder of the library (null: its root), with the right needed there. */
    Folder folder(Library library, Long folderId, Access needed) {
        if (folderId == null) {
            if (!on(library).allows(needed)) {
                throw refused("library", library.getId(), needed);
            }
            return null;
        }
        Folder folder = em.find(Folder.class, folderId);
        if (folder == null || !folder.getLibrary().getId().equals(library.getId())
                || !on(library, folder).allows(needed)) {
            throw refused("folder", folderId, needed);
        }
        return folder;
    }

    Folder folder(long folderId, Access needed) {
        Folder folder = em.find(Folder.class, folderId);
        if (folder == null || !on(folder.getLibrary(), folder).allows(needed)) {
            throw refused("folder", folderId, needed);
        }
        return folder;
    }

    Document document(long id, Access needed) {
        Document document = em.find(Document.class, id);
        if (document == null || !on(document).allows(needed)) {
            throw refused("document", id, needed);
        }
        return document;
    }

    DocumentVersion version(long id, Access needed) {
        DocumentVersion version = em.find(DocumentVersion.class, id);
        if (version == null || !on(version.getDocument()).allows(needed)) {
            throw refused("document version", id, needed);
        }
        return version;
    }

    private EJBAccessException refused(String what, long id, Access needed) {
        return new EJBAccessException(me.getLogin() + " may not " + needed + " " + what + " " + id);
    }
}
