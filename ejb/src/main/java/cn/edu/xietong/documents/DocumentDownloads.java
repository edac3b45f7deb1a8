package cn.edu.xietong.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

/**
 * The bytes of a document's version, to its readers only (S4): a view in the browser ({@link #view}) or a download
 * ({@link #open}), each recorded in the audit trail. A controlled document is viewed as page pictures bearing the
 * viewer's watermark ({@link #page}; its file never reaches the browser) and downloaded only with an approval of
 * {@link ControlledDownloads}, spent by that one download, the PDF watermarked with who, of which unit, when.
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

    @EJB
    private OfficeClock clock;

    private static final DateTimeFormatter WATERMARK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    /**
     * A version for viewing in the browser (PDF and images are shown inline); audited as a view. A controlled
     * document's file is never sent: it is viewed page by page ({@link #page}).
     *
     * @throws DomainException {@code document.controlled.viewAsPages} for a controlled document
     */
    public DocumentContent view(long versionId) {
        Guard guard = new Guard(em, directory.me());
        DocumentVersion version = guard.version(versionId, Access.READ);
        refuseBinned(version.getDocument());
        if (version.getDocument().getLevel() == Level.CONTROLLED) {
            throw new DomainException("document.controlled.viewAsPages");
        }
        audit.record(AuditEvent.DOCUMENT_VIEW, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "viewed document " + version.getDocument().getId() + " v" + version.getNumber() + " ("
                        + version.getDocument().getLevel() + ")");
        return content(version);
    }

    /**
     * A version for download; audited. A controlled document's download spends the caller's approval for that
     * version (one download; two at once: one of them) and carries the watermark its PDF must show.
     *
     * @throws DomainException {@code document.controlled.needsApproval} for a controlled document without an
     *                         approval (or with one already used), {@code document.controlled.approvalExpired} with one
     *                         that ran out
     */
    public DocumentContent open(long versionId) {
        Guard guard = new Guard(em, directory.me());
        DocumentVersion version = guard.version(versionId, Access.READ);
        Document document = version.getDocument();
        refuseBinned(document);
        if (document.getLevel() == Level.CONTROLLED) {
            Instant now = clock.now();
            DownloadApproval approval = em.createNamedQuery(DownloadApproval.OF_REQUESTER, DownloadApproval.class)
                    .setParameter("person", guard.me().getId()).setParameter("version", versionId)
                    .setLockMode(LockModeType.PESSIMISTIC_WRITE).getResultStream()
                    .filter(a -> a.getState() == DownloadApproval.State.APPROVED).findFirst().orElse(null);
            try {
                if (approval == null) {
                    throw new DomainException("document.controlled.needsApproval");
                }
                approval.use(now);
            } catch (DomainException refused) {
                audit.record(AuditEvent.DOCUMENT_DOWNLOAD, AuditOutcome.DENIED, guard.me().getLogin(), null,
                        "controlled document " + document.getId() + " v" + version.getNumber() + ": "
                                + refused.messageKey());
                throw refused;
            }
            audit.record(AuditEvent.DOCUMENT_DOWNLOAD, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                    "downloaded controlled document " + document.getId() + " v" + version.getNumber()
                            + " with approval " + approval.getId() + " (flow " + approval.getInstanceId()
                            + ") sha256=" + version.getSha256());
            return new DocumentContent(version.getFileName(), version.getContentType(), version.getSize(),
                    version.getSha256(), watermark(guard, now));
        }
        audit.record(AuditEvent.DOCUMENT_DOWNLOAD, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "downloaded document " + document.getId() + " v" + version.getNumber() + " (" + document.getLevel()
                        + ") sha256=" + version.getSha256());
        return content(version);
    }

    /**
     * How many pages a controlled PDF's view shows, for a reader; the view is audited once here.
     *
     * @throws DomainException {@code document.controlled.noPreview} for a controlled file that is not a PDF
     */
    public int pages(long versionId) {
        Guard guard = new Guard(em, directory.me());
        DocumentVersion version = guard.version(versionId, Access.READ);
        refuseBinned(version.getDocument());
        if (!"application/pdf".equals(version.getContentType())) {
            throw new DomainException("document.controlled.noPreview");
        }
        int pages = PagePictures.count(ContentStore.pathOf(version.getSha256()));
        audit.record(AuditEvent.DOCUMENT_VIEW, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "viewed document " + version.getDocument().getId() + " v" + version.getNumber() + " ("
                        + version.getDocument().getLevel() + ", " + pages + " pages as pictures)");
        return pages;
    }

    /** One page of a PDF as a PNG picture bearing the reader's watermark (how controlled documents are viewed). */
    public byte[] page(long versionId, int page) {
        Guard guard = new Guard(em, directory.me());
        DocumentVersion version = guard.version(versionId, Access.READ);
        refuseBinned(version.getDocument());
        if (!"application/pdf".equals(version.getContentType())) {
            throw new DomainException("document.controlled.noPreview");
        }
        return PagePictures.render(ContentStore.pathOf(version.getSha256()), page, watermark(guard, clock.now()));
    }

    /** Who, of which unit, when: what a controlled document that leaves the server shows (S4). */
    private static String watermark(Guard guard, Instant at) {
        return guard.me().getFullName() + " " + guard.me().getLogin() + " · " + guard.me().getUnit().getNameZh()
                + " · " + WATERMARK_TIME.format(at.atZone(Campus.zone()));
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
