package cn.edu.xietong.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.shared.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * The bytes of a document's version, to its readers only (S4): a view in the browser ({@link #view}) or a download
 * ({@link #open}), each recorded in the audit trail. A controlled document is viewed but not downloaded: the approval
 * that will allow one download is checked in {@link #open} and nowhere else.
 */
@Stateless
@RolesAllowed("STAFF")
public class DocumentDownloads {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private AuditTrail audit;

    /** A version for viewing in the browser (PDF and images are shown inline); audited as a view. */
    public DocumentContent view(long versionId) {
        Guard guard = new Guard(em, directory.me());
        DocumentVersion version = guard.version(versionId, Access.READ);
        refuseBinned(version.getDocument());
        audit.record(AuditEvent.DOCUMENT_VIEW, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "viewed document " + version.getDocument().getId() + " v" + version.getNumber() + " ("
                        + version.getDocument().getLevel() + ")");
        return content(version);
    }

    /**
     * A version for download; audited.
     *
     * @throws DomainException {@code document.controlled.needsApproval} for a controlled document: its download
     *                         needs an approval (issue #14), checked here when that flow exists
     */
    public DocumentContent open(long versionId) {
        Guard guard = new Guard(em, directory.me());
        DocumentVersion version = guard.version(versionId, Access.READ);
        Document document = version.getDocument();
        refuseBinned(document);
        if (document.getLevel() == Level.CONTROLLED) {
            audit.record(AuditEvent.DOCUMENT_DOWNLOAD, AuditOutcome.DENIED, guard.me().getLogin(), null,
                    "controlled document " + document.getId() + " v" + version.getNumber() + " without approval");
            throw new DomainException("document.controlled.needsApproval");
        }
        audit.record(AuditEvent.DOCUMENT_DOWNLOAD, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "downloaded document " + document.getId() + " v" + version.getNumber() + " (" + document.getLevel()
                        + ") sha256=" + version.getSha256());
        return content(version);
    }

    private static void refuseBinned(Document document) {
        if (document.getState() == DocumentState.BINNED) {
            throw new DomainException("document.binned");
        }
    }

    private static DocumentContent content(DocumentVersion version) {
        return new DocumentContent(version.getFileName(), version.getContentType(), version.getSize(),
                version.getSha256());
    }
}
