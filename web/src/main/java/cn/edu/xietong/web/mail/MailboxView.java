package cn.edu.xietong.web.mail;

import cn.edu.xietong.mailbox.Folder;
import cn.edu.xietong.mailbox.ListedMail;
import cn.edu.xietong.mailbox.MailSearch;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.mailbox.MailboxOverview;
import cn.edu.xietong.web.shared.Messages;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Backs mail/mailbox.xhtml (A4): a folder of one's mailbox ({@code ?folder=INBOX|SENT|DRAFTS|TRASH} or
 * {@code ?own=id}) page by page, the folder list with counts and the quota, the search, and the actions on the
 * selected mails. Folder management is {@link MailFoldersView}'s.
 */
@Named
@ViewScoped
public class MailboxView implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE = 20;

    @EJB
    private Mailbox mailbox;

    @Inject
    private Messages messages;

    private String folder;
    private String own;
    private int page = 1;
    private Folder system = Folder.INBOX;
    private Long ownId;

    private final Map<Long, Boolean> selected = new HashMap<>();
    private String target;
    private final SearchForm search = new SearchForm();
    private boolean searching;

    private transient MailboxOverview overview;
    private transient List<ListedMail> rows;

    public void load() {
        if (own != null) {
            ownId = PageRequest.id("own", own);
            system = Folder.CUSTOM;
            if (overview().folders().stream().noneMatch(f -> f.id() == ownId)) {
                throw new jakarta.ejb.EJBAccessException("folder " + ownId + " is not the caller's");
            }
        } else if (folder != null) {
            try {
                system = Folder.valueOf(folder);
            } catch (IllegalArgumentException e) {
                throw PageRequest.malformed("folder");
            }
            if (system == Folder.CUSTOM) {
                throw PageRequest.malformed("folder");
            }
        }
        page = Math.max(1, page);
    }

    public MailboxOverview overview() {
        if (overview == null) {
            overview = mailbox.overview();
        }
        return overview;
    }

    public List<ListedMail> getRows() {
        if (rows == null) {
            if (searching) {
                rows = mailbox.search(search.toSearch());
            } else if (ownId != null) {
                rows = mailbox.listFolder(ownId, (page - 1) * PAGE, PAGE);
            } else {
                rows = mailbox.list(system, (page - 1) * PAGE, PAGE);
            }
        }
        return rows;
    }

    /** How many mails the folder shown holds. */
    public long getTotal() {
        if (ownId != null) {
            return overview().folders().stream().filter(f -> f.id() == ownId).mapToLong(f -> f.count()).sum();
        }
        return mailbox.count(system);
    }

    public int getPages() {
        return (int) Math.max(1, (getTotal() + PAGE - 1) / PAGE);
    }

    /** The heading of the folder shown: a system folder's translated name or one's own folder's name. */
    public String getFolderName() {
        if (searching) {
            return messages.text("mailbox.searchResults");
        }
        if (ownId != null) {
            return overview().folders().stream().filter(f -> f.id() == ownId).map(f -> f.name()).findFirst()
                    .orElse("");
        }
        return messages.text("mailbox.folder." + system.name());
    }

    /** Drafts open in the editor, everything else in the reader. */
    public String linkOf(ListedMail mail) {
        return mail.folder() == Folder.DRAFTS ? "/mail/compose.xhtml?draft=" + mail.mailId()
                : "/mail/read.xhtml?mail=" + mail.mailId();
    }

    /** Whether the list names the recipients rather than the sender (sent mail and drafts). */
    public boolean isOutgoing() {
        return !searching && (system == Folder.SENT || system == Folder.DRAFTS);
    }

    public boolean isTrash() {
        return !searching && system == Folder.TRASH;
    }

    public void markSeen(boolean seen) {
        act(ids -> mailbox.markSeen(ids, seen), seen ? "mailbox.markedRead" : "mailbox.markedUnread");
    }

    public void flag(boolean flagged) {
        act(ids -> mailbox.flag(ids, flagged), flagged ? "mailbox.flagged" : "mailbox.unflagged");
    }

    public void trash() {
        act(mailbox::trash, "mailbox.trashed");
    }

    public void restore() {
        act(mailbox::restore, "mailbox.restored");
    }

    public void removeForever() {
        act(mailbox::removeForever, "mailbox.removed");
    }

    /** Moves the selected mails to the chosen folder: a system folder's name or "own:id". */
    public void move() {
        if (target == null || target.isBlank()) {
            messages.error("mailbox.chooseFolder");
            return;
        }
        if (target.startsWith("own:")) {
            long id = Long.parseLong(target.substring(4));
            act(ids -> mailbox.moveToFolder(ids, id), "mailbox.moved");
        } else {
            Folder to = Folder.valueOf(target);
            act(ids -> mailbox.move(ids, to), "mailbox.moved");
        }
    }

    public void emptyTrash() {
        messages.attempt(() -> messages.info("mailbox.trashEmptied", mailbox.emptyTrash()), "mailbox.done");
        refresh();
    }

    public void search() {
        if (search.isEmpty()) {
            searching = false;
            messages.error("mailbox.search.empty");
        } else {
            searching = search.valid(messages);
        }
        refresh();
    }

    public void clearSearch() {
        searching = false;
        search.clear();
        refresh();
    }

    private void act(java.util.function.Consumer<List<Long>> action, String doneKey) {
        List<Long> ids = selected.entrySet().stream().filter(e -> Boolean.TRUE.equals(e.getValue()))
                .map(Map.Entry::getKey).toList();
        if (ids.isEmpty()) {
            messages.error("mailbox.selectFirst");
            return;
        }
        if (messages.attempt(() -> action.accept(ids), doneKey)) {
            selected.clear();
        }
        refresh();
    }

    /** Forgets what was read, so the next render reads the mailbox again. */
    public void refresh() {
        rows = null;
        overview = null;
    }

    public Map<Long, Boolean> getSelected() {
        return selected;
    }

    public SearchForm getSearch() {
        return search;
    }

    public boolean isSearching() {
        return searching;
    }

    public String getTarget() {
        return target;
    }

    public void setTarget(String target) {
        this.target = target;
    }

    public Folder getSystem() {
        return system;
    }

    public Long getOwnId() {
        return ownId;
    }

    public String getFolder() {
        return folder;
    }

    public void setFolder(String folder) {
        this.folder = folder;
    }

    public String getOwn() {
        return own;
    }

    public void setOwn(String own) {
        this.own = own;
    }

    public int getPage() {
        return page;
    }

    public void setPage(int page) {
        this.page = page;
    }

    /** The search form (A4): every part optional, dates as the browser's date inputs give them. */
    public static class SearchForm implements Serializable {

        private static final long serialVersionUID = 1L;

        private String sender;
        private String recipient;
        private String subject;
        private String text;
        private String attachment;
        private String from;
        private String to;

        boolean isEmpty() {
            return toSearch().isEmpty();
        }

        boolean valid(Messages messages) {
            try {
                toSearchStrict();
                return true;
            } catch (DateTimeParseException e) {
                messages.error("mailbox.search.badDate");
                return false;
            }
        }

        MailSearch toSearch() {
            try {
                return toSearchStrict();
            } catch (DateTimeParseException e) {
                return new MailSearch(sender, recipient, subject, text, attachment, null, null, null);
            }
        }

        private MailSearch toSearchStrict() {
            return new MailSearch(sender, recipient, subject, text, attachment, date(from).orElse(null),
                    date(to).orElse(null), null);
        }

        private static Optional<LocalDate> date(String s) {
            return s == null || s.isBlank() ? Optional.empty() : Optional.of(LocalDate.parse(s.strip()));
        }

        void clear() {
            sender = recipient = subject = text = attachment = from = to = null;
        }

        public String getSender() {
            return sender;
        }

        public void setSender(String sender) {
            this.sender = sender;
        }

        public String getRecipient() {
            return recipient;
        }

        public void setRecipient(String recipient) {
            this.recipient = recipient;
        }

        public String getSubject() {
            return subject;
        }

        public void setSubject(String subject) {
            this.subject = subject;
        }

        public String getText() {
            return text;
        }

        public void setText(String text) {
            this.text = text;
        }

        public String getAttachment() {
            return attachment;
        }

        public void setAttachment(String attachment) {
            this.attachment = attachment;
        }

        public String getFrom() {
            return from;
        }

        public void setFrom(String from) {
            this.from = from;
        }

        public String getTo() {
            return to;
        }

        public void setTo(String to) {
            this.to = to;
        }
    }
}
