package cn.edu.xietong.web.documents;

import cn.edu.xietong.documents.Access;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.GrantLine;
import cn.edu.xietong.documents.Grantee;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.documents.Libraries;
import cn.edu.xietong.documents.Listing;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import cn.edu.xietong.web.shared.ReceivedUpload;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

import java.io.Serializable;
import java.util.List;

/**
 * Backs documents/library.xhtml (O3.5): a library's folders and documents, uploads of many files, new folders, moves,
 * the recycle bin and the rights of the library or folder shown. The services decide every right; the page offers
 * what the listing's access allows.
 */
@Named
@ViewScoped
public class LibraryView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Libraries libraries;

    @EJB
    private Documents documents;

    @EJB
    private cn.edu.xietong.directory.Directory directory;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private Long library;
    private Long folder;
    private Level level = Level.INTERNAL;
    private String folderName;
    private Long moveTarget;
    private boolean showBin;
    private final GrantForm grantForm = new GrantForm();

    private transient Listing listing;
    private transient List<Listing.LibraryLine> readable;

    private String libraryParam;
    private String folderParam;

    /** Reads the page's parameters (text, so that a postback never converts them again): 400 when malformed. */
    public void load() {
        library = libraryParam == null || libraryParam.isBlank() ? libraries.myUnitLibrary()
                : PageRequest.id("library", libraryParam);
        folder = folderParam == null || folderParam.isBlank() ? null : PageRequest.id("folder", folderParam);
        listing = libraries.list(library, folder);
    }

    public String getLibraryParam() {
        return libraryParam;
    }

    public void setLibraryParam(String libraryParam) {
        this.libraryParam = libraryParam;
    }

    public String getFolderParam() {
        return folderParam;
    }

    public void setFolderParam(String folderParam) {
        this.folderParam = folderParam;
    }

    public Listing getListing() {
        if (listing == null) {
            listing = libraries.list(library, folder);
        }
        return listing;
    }

    public List<Listing.LibraryLine> getReadable() {
        if (readable == null) {
            readable = libraries.readable();
        }
        return readable;
    }

    public String name(Listing.LibraryLine line) {
        return line.publicLibrary() ? messages.text("documents.publicLibrary") : line.name().in(language.getLocale());
    }

    public String folderLabel(Listing.FolderLine line) {
        return line.copies() ? messages.text("documents.copiesFolder") : line.name();
    }

    public boolean may(String access) {
        return getListing().access().allows(Access.valueOf(access));
    }

    public List<Listing.Crumb> getFolderChoices() {
        return libraries.folderChoices(library);
    }

    public List<Listing.DocumentLine> getBin() {
        return libraries.bin(library);
    }

    public List<GrantLine> getGrants() {
        return libraries.grants(library, folder, null);
    }

    public void upload(FileUploadEvent event) {
        UploadedFile file = event.getFile();
        try {
            documents.upload(library, folder, file.getFileName(), ReceivedUpload.of(file), level, null);
            messages.info("documents.uploaded", file.getFileName());
        } catch (InvalidInputException refused) {
            messages.error(refused.messageKey(), refused.arguments());
        } catch (cn.edu.xietong.shared.DomainException refused) {
            messages.error(refused);
        }
        listing = null;
    }

    public void createFolder() {
        if (messages.attempt(() -> libraries.createFolder(library, folder, folderName), "documents.folderCreated")) {
            folderName = null;
        }
        listing = null;
    }

    public void renameFolder() {
        messages.attempt(() -> libraries.renameFolder(folder, folderName), "documents.folderRenamed");
        listing = null;
    }

    public void moveFolder() {
        messages.attempt(() -> libraries.moveFolder(folder, moveTarget), "documents.folderMoved");
        listing = null;
    }

    public void bin(long documentId) {
        messages.attempt(() -> documents.bin(documentId), "documents.binned");
        listing = null;
    }

    public void restore(long documentId) {
        messages.attempt(() -> documents.restoreFromBin(documentId), "documents.restored");
        listing = null;
    }

    public void purge(long documentId) {
        messages.attempt(() -> documents.purge(documentId), "documents.purged");
    }

    public void grant() {
        grantForm.grant(libraries, library, folder, null, messages);
    }

    public GrantForm getGrantForm() {
        return grantForm;
    }

    public void revoke(long grantId) {
        messages.attempt(() -> libraries.revoke(grantId), "documents.revoked");
    }

    /** The units a grant may name, in the directory's order. */
    public List<cn.edu.xietong.directory.Unit> getUnits() {
        return directory.unitsInTreeOrder();
    }

    public String unitName(cn.edu.xietong.directory.Unit unit) {
        return unit.name(language.getLocale());
    }

    public String text(cn.edu.xietong.shared.Bilingual name) {
        return name == null ? "" : name.in(language.getLocale());
    }

    public Level[] getLevels() {
        return Level.values();
    }


    public Long getLibrary() {
        return library;
    }


    public Long getFolder() {
        return folder;
    }


    public Level getLevel() {
        return level;
    }

    public void setLevel(Level level) {
        this.level = level;
    }

    public String getFolderName() {
        return folderName;
    }

    public void setFolderName(String folderName) {
        this.folderName = folderName;
    }

    public Long getMoveTarget() {
        return moveTarget;
    }

    public void setMoveTarget(Long moveTarget) {
        this.moveTarget = moveTarget;
    }

    public boolean isShowBin() {
        return showBin;
    }

    public void setShowBin(boolean showBin) {
        this.showBin = showBin;
    }










}
