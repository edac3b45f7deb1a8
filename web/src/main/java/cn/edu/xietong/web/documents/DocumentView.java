package cn.edu.xietong.web.documents;

import cn.edu.xietong.documents.Access;
import cn.edu.xietong.documents.ControlledDownloads;
import cn.edu.xietong.documents.DocumentDownloads;
import cn.edu.xietong.documents.DocumentState;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.DownloadApproval;
import cn.edu.xietong.documents.DownloadRequestLine;
import cn.edu.xietong.documents.GrantLine;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.documents.Listing;
import cn.edu.xietong.documents.OpenedDocument;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import cn.edu.xietong.web.shared.ReceivedUpload;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs documents/document.xhtml (O3.5, S4): a document's metadata, versions and preview, a new version, check-out and
 * check-in, move, archive, recycle bin and level. What is offered follows the caller's access the service reports.
 */
@Named
@ViewScoped
public class DocumentView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Documents documents;

    @EJB
    private Libraries libraries;

    @EJB
    private ControlledDownloads controlled;

    @EJB
    private DocumentDownloads downloads;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private final Map<Long, List<DownloadRequestLine>> requests = new HashMap<>();
    private final GrantForm grantForm = new GrantForm();
    private Integer pages;
    private Long requestVersion;
    private String downloadReason;

    private String idParam;
    private long id;
    private OpenedDocument document;
    private String title;
    private String description;
    private String tags;
    private Long moveTarget;
    private String archiveNumber;
    private Integer retentionYears = 10;
    private Level newLevel;
    private String reason;

    public void load() {
        id = PageRequest.id("id", idParam);
        document = documents.open(id);
        title = document.title();
        description = document.description();
        tags = document.tags();
        newLevel = document.level();
        moveTarget = document.folderId();
    }

    private void reload() {
        document = documents.open(id);
        requests.clear();
    }

    /** The rights given on this document itself (O3.5); those of its library and folders reach it too. */
    public List<GrantLine> getGrants() {
        return libraries.grants(document.libraryId(), null, id);
    }

    public void grant() {
        grantForm.grant(libraries, document.libraryId(), null, id, messages);
    }

    public void revoke(long grantId) {
        messages.attempt(() -> libraries.revoke(grantId), "documents.revoked");
    }

    public GrantForm getGrantForm() {
        return grantForm;
    }

    public String text(cn.edu.xietong.shared.Bilingual name) {
        return name == null ? "" : name.in(language.getLocale());
    }

    /** The caller's download requests for a version of a controlled document, the latest first (S4). */
    public List<DownloadRequestLine> requestsFor(long versionId) {
        return requests.computeIfAbsent(versionId, v -> controlled.mine(v));
    }

    /** The caller's latest request for a version, if any. */
    public DownloadRequestLine latestRequest(long versionId) {
        List<DownloadRequestLine> mine = requestsFor(versionId);
        return mine.isEmpty() ? null : mine.get(0);
    }

    /** Whether the caller holds an approval for one download of the version now. */
    public boolean mayDownload(long versionId) {
        return !document.controlled() || requestsFor(versionId).stream().anyMatch(DownloadRequestLine::usable);
    }

    /** Whether the caller may ask for a download of the version (none waiting, none unused). */
    public boolean mayAsk(long versionId) {
        return document.controlled() && requestsFor(versionId).stream()
                .noneMatch(r -> r.usable() || r.state() == DownloadApproval.State.REQUESTED);
    }

    /** Opens the reason form for a version. */
    public void ask(long versionId) {
        requestVersion = versionId;
        downloadReason = null;
    }

    /** Asks for one download of the chosen version, with the reason given (S4). */
    public void requestDownload() {
        if (requestVersion == null) {
            return;
        }
        if (messages.attempt(() -> controlled.request(requestVersion, downloadReason),
                "documents.download.requested")) {
            requestVersion = null;
            downloadReason = null;
        }
        requests.clear();
    }

    /** How many pages the controlled PDF shows as pictures (its view is audited once, when the page opens). */
    /** The largest file the page's preview loads with it (20 MB); a larger one is previewed on request. */
    public long getInlinePreviewBytes() {
        return 20L * 1024 * 1024;
    }

    public int getPages() {
        if (pages == null) {
            pages = downloads.pages(document.latest().id());
        }
        return pages;
    }

    /** The page numbers, for the pictures. */
    public List<Integer> getPageNumbers() {
        return java.util.stream.IntStream.rangeClosed(1, getPages()).boxed().toList();
    }

    public Long getRequestVersion() {
        return requestVersion;
    }

    public String getDownloadReason() {
        return downloadReason;
    }

    public void setDownloadReason(String downloadReason) {
        this.downloadReason = downloadReason;
    }

    public boolean may(String access) {
        return document.access().allows(Access.valueOf(access));
    }

    public boolean isActive() {
        return document.state() == DocumentState.ACTIVE;
    }

    public List<Listing.Crumb> getFolderChoices() {
        return libraries.folderChoices(document.libraryId());
    }

    public void upload(FileUploadEvent event) {
        try {
            int number = documents.addVersion(id, event.getFile().getFileName(), ReceivedUpload.of(event.getFile()));
            messages.info("documents.versionAdded", number);
        } catch (DomainException refused) {
            messages.error(refused);
        }
        reload();
    }

    private void act(Runnable action, String doneKey) {
        messages.attempt(action, doneKey);
        reload();
    }

    public void describe() {
        act(() -> documents.describe(id, title, description, tags), "documents.saved");
    }

    public void checkOut() {
        act(() -> documents.checkOut(id), "documents.checkedOut");
    }

    public void checkIn() {
        act(() -> documents.checkIn(id), "documents.checkedIn");
    }

    public void breakLock() {
        act(() -> documents.breakLock(id), "documents.lockBroken");
    }

    public void move() {
        act(() -> documents.move(id, moveTarget), "documents.moved");
    }

    public void archive() {
        act(() -> documents.archive(id, archiveNumber, retentionYears == null ? 0 : retentionYears),
                "documents.archivedDone");
    }

    public void restoreFromArchive() {
        act(() -> documents.restoreFromArchive(id), "documents.restored");
    }

    public void bin() {
        act(() -> documents.bin(id), "documents.binned");
    }

    public void changeLevel() {
        if (messages.attempt(() -> documents.changeLevel(id, newLevel, reason), "documents.levelChanged")) {
            reason = null;
        }
        reload();
    }

    public Level[] getLevels() {
        return Level.values();
    }

    public OpenedDocument getDocument() {
        return document;
    }

    public String getIdParam() {
        return idParam;
    }

    public void setIdParam(String idParam) {
        this.idParam = idParam;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTags() {
        return tags;
    }

    public void setTags(String tags) {
        this.tags = tags;
    }

    public Long getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(Long moveTarget) {
        this.moveTarget = moveTarget;
    }

    public String getArchiveNumber() {
        return archiveNumber;
    }

    public void setArchiveNumber(String archiveNumber) {
        this.archiveNumber = archiveNumber;
    }

    public Integer getRetentionYears() {
        return retentionYears;
    }

    public void setRetentionYears(Integer retentionYears) {
        this.retentionYears = retentionYears;
    }

    public Level getNewLevel() {
        return newLevel;
    }

    public void setNewLevel(Level newLevel) {
        this.newLevel = newLevel;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }
}
