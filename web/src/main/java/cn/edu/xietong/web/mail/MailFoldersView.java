package cn.edu.xietong.web.mail;

import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;

/** One's own folders on mail/mailbox.xhtml (A4): create, rename and delete (an empty one). */
@Named
@ViewScoped
public class MailFoldersView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Mailbox mailbox;

    @Inject
    private Messages messages;

    @Inject
    private MailboxView view;

    private String newName;
    private String rename;

    public void create() {
        if (messages.attempt(() -> mailbox.createFolder(newName == null ? "" : newName), "mailbox.folderCreated")) {
            newName = null;
        }
        view.refresh();
    }

    /** Renames the folder shown. */
    public void renameShown() {
        messages.attempt(() -> mailbox.renameFolder(view.getOwnId(), rename == null ? "" : rename),
                "mailbox.folderRenamed");
        view.refresh();
    }

    /** Deletes the folder shown (an empty one), then shows the inbox. */
    public String deleteShown() {
        if (messages.attempt(() -> mailbox.deleteFolder(view.getOwnId()), "mailbox.folderDeleted")) {
            messages.keepForRedirect();
            return "/mail/mailbox?faces-redirect=true";
        }
        return null;
    }

    public String getNewName() {
        return newName;
    }

    public void setNewName(String newName) {
        this.newName = newName;
    }

    public String getRename() {
        return rename;
    }

    public void setRename(String rename) {
        this.rename = rename;
    }
}
