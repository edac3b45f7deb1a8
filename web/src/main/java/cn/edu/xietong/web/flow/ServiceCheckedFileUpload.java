package cn.edu.xietong.web.flow;

import jakarta.faces.context.FacesContext;
import org.primefaces.component.fileupload.FileUpload;
import org.primefaces.model.file.UploadedFile;

/**
 * PrimeFaces' file upload without its own file-name check (S1). PrimeFaces drops a file whose name holds
 * {@code < > " / \ : | ? *} before any listener sees it, with an untranslated message the form does not show, so the
 * refusal left no trace. The services judge names themselves ({@code UploadCheck}: refused with a translated reason
 * and recorded in the audit trail), so every file reaches them. Registered for PrimeFaces' component type in
 * {@code faces-config.xml}.
 */
public class ServiceCheckedFileUpload extends FileUpload {

    @Override
    public void validateFilename(FacesContext context, UploadedFile file) {
        // the service checks the name and records a refusal; see the class comment
    }
}
