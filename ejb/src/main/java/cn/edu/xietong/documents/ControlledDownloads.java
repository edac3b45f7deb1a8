package cn.edu.xietong.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Asking for one download of a controlled document (S4): a reader of the document gives a reason; the approval flow
 * of the CONTROLLED_DOWNLOAD category (the setting {@link Setting#DOWNLOAD_DESIGN}, the demo's
 * {@code controlled-download}: the owning unit's leader) decides; approved, the reader downloads that version once
 * within {@link Setting#DOWNLOAD_HOURS} hours (24 by default), watermarked with their name, unit and the
 * time ({@link DocumentDownloads#open}). Every request is in the audit trail.
 */
@Stateless
@RolesAllowed("STAFF")
public class ControlledDownloads {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private FlowCommands flows;

    @EJB
    private AuditTrail audit;

    @EJB
    private OfficeClock clock;

    @EJB
    private Settings settings;

    /**
     * Asks for one download of a version of a controlled document the caller may read; answers the flow instance.
     *
     * @throws DomainException {@code document.controlled.notControlled} for a document that is not controlled (it is
     *                         downloaded without asking), {@code document.controlled.reasonRequired} without a reason,
     *                         {@code document.controlled.alreadyAsked} while an earlier request waits or an approval
     *                         is unused, {@code document.controlled.noOwner} for a document no unit owns
     */
    public long request(long versionId, String reason) {
        Guard guard = new Guard(em, directory.me());
        DocumentVersion version = guard.version(versionId, Access.READ);
        Document document = version.getDocument();
        if (document.getLevel() != Level.CONTROLLED) {
            throw new DomainException("document.controlled.notControlled");
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty() || why.length() > DownloadApproval.MAX_REASON) {
            throw new DomainException("document.controlled.reasonRequired", DownloadApproval.MAX_REASON);
        }
        Instant now = clock.now();
        if (requests(guard, versionId).stream().anyMatch(a -> a.pending() || a.usableAt(now))) {
            throw new DomainException("document.controlled.alreadyAsked");
        }
        Unit owner = owner(document);
        DownloadApproval approval = new DownloadApproval(version, guard.me(), why, now);
        em.persist(approval);
        FormValues values = FormValues.of(Map.of("document", document.getTitle(),
                "version", String.valueOf(version.getNumber()), "library", library(document),
                "ownerUnit", owner.getCode(), "reason", why));
        FlowInstance instance = flows.startForModule(Category.CONTROLLED_DOWNLOAD,
                settings.text(Setting.DOWNLOAD_DESIGN), "下载受控文档：" + document.getTitle(), values);
        approval.started(instance.getId());
        DownloadOutcome.apply(approval, instance.getStatus(), now, window(settings));
        audit.record(AuditEvent.DOCUMENT_DOWNLOAD, AuditOutcome.SUCCESS, guard.me().getLogin(), null,
                "asked to download controlled document " + document.getId() + " v" + version.getNumber()
                        + " (flow " + instance.getId() + "): " + why);
        return instance.getId();
    }

    /** The caller's requests for a version they may read, the latest first. */
    public List<DownloadRequestLine> mine(long versionId) {
        Guard guard = new Guard(em, directory.me());
        guard.version(versionId, Access.READ);
        Instant now = clock.now();
        return requests(guard, versionId).stream().map(a -> DownloadRequestLine.of(a, now)).toList();
    }

    private List<DownloadApproval> requests(Guard guard, long versionId) {
        return em.createNamedQuery(DownloadApproval.OF_REQUESTER, DownloadApproval.class)
                .setParameter("person", guard.me().getId()).setParameter("version", versionId).getResultList();
    }

    /** The unit whose leader decides: the owning department of a public document, else the library's unit. */
    private static Unit owner(Document document) {
        Unit owner = document.getOwnerUnit() != null ? document.getOwnerUnit() : document.getLibrary().getUnit();
        if (owner == null) {
            throw new DomainException("document.controlled.noOwner");
        }
        return owner;
    }

    private static String library(Document document) {
        Unit unit = document.getLibrary().getUnit();
        return unit == null ? "公共文档库" : unit.getNameZh() + "文档库";
    }

    /** How long an approval is good for. */
    static Duration window(Settings settings) {
        return Duration.ofHours(settings.number(Setting.DOWNLOAD_HOURS));
    }

    /** Carried from the flow to the request (in the command's transaction). */
    static final class DownloadOutcome {

        private DownloadOutcome() {
        }

        static void apply(DownloadApproval approval, InstanceStatus status, Instant at, Duration window) {
            switch (status) {
                case APPROVED -> approval.approved(at, window);
                case REJECTED -> approval.closed(DownloadApproval.State.REJECTED, at);
                case WITHDRAWN -> approval.closed(DownloadApproval.State.WITHDRAWN, at);
                default -> { }
            }
        }
    }
}
