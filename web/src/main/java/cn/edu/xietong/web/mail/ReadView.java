package cn.edu.xietong.web.mail;

import cn.edu.xietong.mailbox.AddressKind;
import cn.edu.xietong.mailbox.Folder;
import cn.edu.xietong.mailbox.MailSending;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.mailbox.MailboxOverview;
import cn.edu.xietong.mailbox.OpenedMail;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.util.List;

/**
 * Backs mail/read.xhtml (A4, A5): {@code ?mail=id} opened as the caller reads it (the service records the read
 * receipt); its sender sees every recipient's receipt and may recall it while nobody has opened it. A mail recalled
 * before this reader opened it shows the translated notice instead.
 */
@Named
@ViewScoped
public class ReadView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private Mailbox mailbox;

    @EJB
    private MailSending sending;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    private String mail;
    private long mailId;
    private OpenedMail opened;
    private String recalledKey;
    private Object[] recalledArguments;
    private String target;
    private List<MailboxOverview.OwnFolder> folders;

    public void load() {
        mailId = PageRequest.id("mail", mail);
        open();
    }

    private void open() {
        try {
            opened = mailbox.open(mailId);
            folders = mailbox.overview().folders();
        } catch (DomainException recalled) {
            opened = null;
            recalledKey = recalled.messageKey();
            recalledArguments = recalled.arguments();
        }
    }

    /** The addresses of one kind (to, cc, bcc), each "name · unit · post" in the page's language. */
    public List<String> addresses(String kind) {
        AddressKind k = AddressKind.valueOf(kind);
        return opened.addresses().stream().filter(l -> l.kind() == k).map(l -> l.label(language.getLocale())).toList();
    }

    public String senderLabel() {
        return opened.sender() == null ? "" : opened.sender().label(language.getLocale());
    }

    public String receiptName(OpenedMail.Receipt receipt) {
        return receipt.person() == null ? "" : receipt.person().label(language.getLocale());
    }

    public String recall() {
        try {
            sending.recall(mailId);
            messages.info("mailbox.recalledDone");
        } catch (DomainException refused) {
            messages.error(refused);
        }
        open();
        return null;
    }

    public void flag() {
        boolean flagged = !opened.flagged();
        messages.attempt(() -> mailbox.flag(List.of(opened.entryId()), flagged),
                flagged ? "mailbox.flagged" : "mailbox.unflagged");
        open();
    }

    public String trash() {
        if (messages.attempt(() -> mailbox.trash(List.of(opened.entryId())), "mailbox.trashed")) {
            messages.keepForRedirect();
            return "/mail/mailbox?faces-redirect=true";
        }
        return null;
    }

    public void move() {
        if (target == null || target.isBlank()) {
            messages.error("mailbox.chooseFolder");
            return;
        }
        long entry = opened.entryId();
        if (target.startsWith("own:")) {
            long id = Long.parseLong(target.substring(4));
            messages.attempt(() -> mailbox.moveToFolder(List.of(entry), id), "mailbox.moved");
        } else {
            Folder to = Folder.valueOf(target);
            messages.attempt(() -> mailbox.move(List.of(entry), to), "mailbox.moved");
        }
        open();
    }

    public OpenedMail getOpened() {
        return opened;
    }

    /** Why the mail is not shown, in the page's language (read while rendering, once the view has its locale). */
    public String getRecalledNotice() {
        return recalledKey == null ? "" : messages.text(recalledKey, recalledArguments);
    }

    public List<MailboxOverview.OwnFolder> getFolders() {
        return folders;
    }

    public long getMailId() {
        return mailId;
    }

    public String getMail() {
        return mail;
    }

    public void setMail(String mail) {
        this.mail = mail;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }
}
