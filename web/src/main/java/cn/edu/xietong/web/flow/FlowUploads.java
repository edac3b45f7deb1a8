package cn.edu.xietong.web.flow;

import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.files.UploadCheck;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;
import org.primefaces.model.file.UploadedFile;

/**
 * Takes a form's attachment uploads (A1, S1): the file goes to {@link FileStore}, which checks and scans it, and the
 * accepted file is added to the field; a refusal is shown beside the field. The upload widget carries the form model
 * and the field's key as attributes.
 */
@Named
@RequestScoped
public class FlowUploads {

    @EJB
    private FileStore files;

    @Inject
    private Messages messages;

    public void upload(FileUploadEvent event) {
        FormModel model = (FormModel) event.getComponent().getAttributes().get("model");
        String field = (String) event.getComponent().getAttributes().get("field");
        UploadedFile file = event.getFile();
        try {
            model.attach(field, files.upload(file.getFileName(), file.getContent()));
        } catch (InvalidInputException refused) {
            model.addError(field, messages.text(refused.messageKey(), refused.arguments()));
        }
    }

    public String hint() {
        return messages.text("flow.uploadHint", files.maxBytes() / (1024 * 1024), UploadCheck.allowedExtensions());
    }

    /** The largest file the service takes, for the browser to refuse larger ones before sending them. */
    public long maxBytes() {
        return files.maxBytes();
    }

    /** The service's own refusal of a file over {@link #maxBytes()}, shown by the browser. */
    public String tooLarge() {
        InvalidInputException tooLarge = UploadCheck.tooLarge(files.maxBytes());
        return messages.text(tooLarge.messageKey(), tooLarge.arguments());
    }
}
