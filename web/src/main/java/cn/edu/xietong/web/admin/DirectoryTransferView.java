package cn.edu.xietong.web.admin;

import cn.edu.xietong.directory.transfer.DirectoryTransfer;
import cn.edu.xietong.directory.transfer.Preview;
import cn.edu.xietong.directory.transfer.SheetFormat;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;
import org.primefaces.model.file.UploadedFile;

import java.io.ByteArrayInputStream;
import java.io.Serializable;
import java.util.List;

/**
 * Backs admin/directory.xhtml (O3.1): the system administrator previews a file of units or staff, imports it when every
 * row is right, downloads the temporary passwords of imported staff once, and exports the directory.
 */
@Named
@ViewScoped
public class DirectoryTransferView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** What the uploaded file holds. */
    public enum Kind { UNITS, PEOPLE }

    @EJB
    private DirectoryTransfer transfer;

    @EJB
    private OfficeClock clock;

    @Inject
    private Messages messages;

    private Kind kind = Kind.PEOPLE;
    private transient UploadedFile file;
    private String fileName;
    private byte[] content;
    private Preview preview;
    private List<DirectoryTransfer.InitialPassword> passwords = List.of();

    public void preview() {
        passwords = List.of();
        if (file == null || file.getSize() == 0) {
            messages.error("import.fileType");
            return;
        }
        fileName = file.getFileName();
        content = file.getContent();
        try {
            preview = kind == Kind.UNITS ? transfer.previewUnits(fileName, content)
                    : transfer.previewPeople(fileName, content);
            preview.fileProblems().forEach(messages::error);
        } catch (InvalidInputException refused) {
            preview = null;
            refused.problems().forEach(messages::error);
        }
    }

    public void importFile() {
        try {
            if (kind == Kind.UNITS) {
                messages.info("import.unitsDone", transfer.importUnits(fileName, content));
            } else {
                passwords = transfer.importPeople(fileName, content);
                messages.info("import.peopleDone", passwords.size());
            }
            preview = null;
            content = null;
        } catch (InvalidInputException refused) {
            refused.problems().forEach(messages::error);
        }
    }

    /** The temporary passwords of the people just imported, as CSV; forgotten once the page is left. */
    public StreamedContent getPasswordFile() {
        List<List<String>> rows = passwords.stream()
                .map(p -> List.of(p.login(), p.fullName(), p.unitCode(), p.password())).toList();
        return download("xietong-initial-passwords", SheetFormat.CSV,
                SheetFormat.CSV.write("passwords", List.of("login", "name", "unit_code", "password"), rows));
    }

    public StreamedContent export(String what, String format) {
        SheetFormat sheet = SheetFormat.valueOf(format);
        byte[] bytes = "units".equals(what) ? transfer.exportUnits(sheet) : transfer.exportPeople(sheet);
        return download("xietong-" + what, sheet, bytes);
    }

    private StreamedContent download(String name, SheetFormat format, byte[] bytes) {
        return DefaultStreamedContent.builder()
                .name(name + "-" + clock.today() + "." + format.extension())
                .contentType(format.contentType())
                .stream(() -> new ByteArrayInputStream(bytes))
                .build();
    }

    public List<String> getHeader() {
        return kind == Kind.UNITS ? DirectoryTransfer.UNIT_HEADER : DirectoryTransfer.PEOPLE_HEADER;
    }

    public Kind[] getKinds() {
        return Kind.values();
    }

    public Kind getKind() {
        return kind;
    }

    public void setKind(Kind kind) {
        this.kind = kind;
        preview = null;
    }

    public UploadedFile getFile() {
        return file;
    }

    public void setFile(UploadedFile file) {
        this.file = file;
    }

    public Preview getPreview() {
        return preview;
    }

    public List<DirectoryTransfer.InitialPassword> getPasswords() {
        return passwords;
    }
}
