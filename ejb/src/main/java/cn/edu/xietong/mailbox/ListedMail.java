package cn.edu.xietong.mailbox;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/**
 * A mail as a folder lists it, for its owner (A4): the entry (for the owner's actions) and the mail (to open it),
 * who wrote it, to whom (the addresses a recipient may see), subject, the first words, when, and the owner's state.
 */
public record ListedMail(long entryId, long mailId, String sender, String recipients, String subject, String preview,
                         Instant at, boolean seen, boolean flagged, boolean attachments, long size, boolean recalled,
                         Folder folder) implements Serializable {

    static final int PREVIEW = 80;

    static ListedMail of(MailEntry entry) {
        MailMessage mail = entry.getMessage();
        boolean mine = entry.getRole() == EntryRole.SENDER;
        List<MailAddress> shown = mail.visibleAddresses(mine);
        String to = String.join("; ", shown.stream().limit(4).map(MailAddress::getLabel)
                .map(l -> l.contains(" · ") ? l.substring(0, l.indexOf(" · ")) : l).toList())
                + (shown.size() > 4 ? " …" : "");
        String text = mail.getBodyText();
        return new ListedMail(entry.getId(), mail.getId(), mail.getSender().getFullName(), to, mail.getSubject(),
                text.length() > PREVIEW ? text.substring(0, PREVIEW) + "…" : text,
                entry.getFiledAt(), entry.isSeen(), entry.isFlagged(), !mail.getAttachments().isEmpty(),
                mail.getSize(), mail.isRecalled(), entry.getFolder());
    }
}
