package cn.edu.xietong.web.mail;

import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.mailbox.AddressKind;
import cn.edu.xietong.mailbox.AddressTarget;
import cn.edu.xietong.mailbox.DraftInput;
import cn.edu.xietong.mailbox.MailSending;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.mailbox.OpenedMail;
import cn.edu.xietong.mailbox.Recipient;
import cn.edu.xietong.mailbox.SameNameWarning;
import cn.edu.xietong.mailbox.SavedDraft;
import cn.edu.xietong.mailbox.SentMail;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.primefaces.event.FileUploadEvent;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Backs mail/compose.xhtml (A4, A5): a new mail, a draft ({@code ?draft=id}), a reply ({@code ?reply=id&all=…}) or a
 * forward ({@code ?forward=id}). People come from the person picker; units, their leaders and one's groups from
 * {@link ComposeRecipients}. The draft is saved as the writer goes (every 30 s and on leaving a field); before sending,
 * the writer is warned when a person bears the name of someone else they mailed last time (A5).
 */
@Named
@ViewScoped
public class ComposeView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MailSending sending;

    @EJB
    private Mailbox mailbox;

    @EJB
    private FileStore files;

    @Inject
    private Messages messages;

    @Inject
    private LanguageView language;

    @Inject
    private ComposeRecipients recipients;

    private String draft;
    private String reply;
    private String all;
    private String forward;

    private Long mailId;
    private Long replyTo;
    private Long forwardOf;
    private List<String> to = new ArrayList<>();
    private List<String> cc = new ArrayList<>();
    private List<String> bcc = new ArrayList<>();
    private String subject = "";
    private String html = "";
    private final List<OpenedMail.Attachment> attachments = new ArrayList<>();
    private Instant savedAt;
    private List<SameNameWarning> warnings = List.of();

    public void load() {
        DraftInput input;
        if (draft != null) {
            mailId = PageRequest.id("draft", draft);
            input = sending.draft(mailId);
            attachments.addAll(mailbox.open(mailId).attachments());
        } else if (reply != null) {
            input = sending.reply(PageRequest.id("reply", reply), "true".equals(all), language.getLocale());
        } else if (forward != null) {
            long id = PageRequest.id("forward", forward);
            input = sending.forward(id, language.getLocale());
            attachments.addAll(mailbox.open(id).attachments());
        } else {
            return;
        }
        subject = input.subject();
        html = input.html();
        replyTo = input.replyToMail();
        forwardOf = input.forwardOfMail();
        for (Recipient r : input.recipients()) {
            if (r.target() == AddressTarget.PERSON) {
                (r.kind() == AddressKind.TO ? to : r.kind() == AddressKind.CC ? cc : bcc).add(r.key());
            } else {
                recipients.add(r);
            }
        }
    }

    /** What the page holds, as the services take it. */
    private DraftInput input() {
        List<Recipient> all = new ArrayList<>();
        to.forEach(l -> all.add(Recipient.person(AddressKind.TO, l)));
        cc.forEach(l -> all.add(Recipient.person(AddressKind.CC, l)));
        bcc.forEach(l -> all.add(Recipient.person(AddressKind.BCC, l)));
        all.addAll(recipients.getExtra());
        return new DraftInput(subject, html, all, attachments.stream().map(OpenedMail.Attachment::uid).toList(),
                replyTo, forwardOf);
    }

    private boolean written() {
        return !(blank(subject) && blank(html) && to.isEmpty() && cc.isEmpty() && bcc.isEmpty()
                && recipients.getExtra().isEmpty() && attachments.isEmpty());
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank() || s.replaceAll("<[^>]*>", "").isBlank() && !s.contains("<img");
    }

    /** Saves the draft (every 30 s, on leaving a field, or by the button); nothing written, nothing saved. */
    public void save() {
        if (!written()) {
            return;
        }
        try {
            SavedDraft saved = sending.save(mailId, input());
            mailId = saved.mailId();
            savedAt = saved.savedAt();
            if (saved.cleaned()) {
                messages.info("mailbox.cleaned");
            }
        } catch (DomainException refused) {
            messages.error(refused);
        }
    }

    /** Sends, unless a same-name warning is to be seen first. */
    public String send() {
        List<String> people = Stream.of(to, cc, bcc).flatMap(List::stream).distinct().toList();
        warnings = people.isEmpty() ? List.of() : sending.sameNameWarnings(people);
        return warnings.isEmpty() ? sendNow() : null;
    }

    /** Sends after the writer has seen the same-name warning. */
    public String sendNow() {
        try {
            SentMail sent = sending.send(mailId, input());
            messages.info("mailbox.sent", sent.recipients());
            if (sent.cleaned()) {
                messages.info("mailbox.cleaned");
            }
            messages.keepForRedirect();
            return "/mail/mailbox?faces-redirect=true&folder=SENT";
        } catch (DomainException refused) {
            warnings = List.of();
            messages.error(refused);
            return null;
        }
    }

    /** Back to writing after a same-name warning, to change the recipients. */
    public void keepEditing() {
        warnings = List.of();
    }

    public String discard() {
        if (mailId != null) {
            sending.discard(mailId);
        }
        messages.info("mailbox.discarded");
        messages.keepForRedirect();
        return "/mail/mailbox?faces-redirect=true&folder=DRAFTS";
    }

    /** An uploaded file: checked and scanned by the file store, then attached. */
    public void upload(FileUploadEvent event) {
        try {
            var info = files.upload(event.getFile().getFileName(), event.getFile().getContent());
            attachments.add(new OpenedMail.Attachment(info.uid(), info.name(), info.contentType(), info.size()));
        } catch (InvalidInputException refused) {
            messages.error(refused.messageKey(), refused.arguments());
        }
    }

    public void detach(String uid) {
        attachments.removeIf(a -> a.uid().equals(uid));
    }

    public String warningLabel(SameNameWarning w, boolean now) {
        return (now ? w.now() : w.lastTime()).label(language.getLocale());
    }

    public List<OpenedMail.Attachment> getAttachments() {
        return attachments;
    }

    public List<SameNameWarning> getWarnings() {
        return warnings;
    }

    public Instant getSavedAt() {
        return savedAt;
    }

    public Long getMailId() {
        return mailId;
    }

    public List<String> getTo() {
        return to;
    }

    public void setTo(List<String> to) {
        this.to = to == null ? new ArrayList<>() : new ArrayList<>(to);
    }

    public List<String> getCc() {
        return cc;
    }

    public void setCc(List<String> cc) {
        this.cc = cc == null ? new ArrayList<>() : new ArrayList<>(cc);
    }

    public List<String> getBcc() {
        return bcc;
    }

    public void setBcc(List<String> bcc) {
        this.bcc = bcc == null ? new ArrayList<>() : new ArrayList<>(bcc);
    }

    public String getSubject() {
        return subject;
    }

    public void setSubject(String subject) {
        this.subject = subject == null ? "" : subject;
    }

    public String getHtml() {
        return html;
    }

    public void setHtml(String html) {
        this.html = html == null ? "" : html;
    }

    public String getDraft() {
        return draft;
    }

    public void setDraft(String draft) {
        this.draft = draft;
    }

    public String getReply() {
        return reply;
    }

    public void setReply(String reply) {
        this.reply = reply;
    }

    public String getAll() {
        return all;
    }

    public void setAll(String all) {
        this.all = all;
    }

    public String getForward() {
        return forward;
    }

    public void setForward(String forward) {
        this.forward = forward;
    }
}
