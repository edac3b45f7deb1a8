package cn.edu.xietong.mailbox;

import cn.edu.xietong.directory.PersonCandidate;
import cn.edu.xietong.shared.Bilingual;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * A mail as its reader opens it (A4, A5): only what this reader may see — blind copies and read receipts are the
 * sender's alone — with the sender and each person addressed shown with unit and post, the sanitised body, the
 * attachments, and the actions open to the reader.
 *
 * @param entryId   the reader's entry (for moving, flagging, trashing)
 * @param sent      whether the reader wrote it (then {@code receipts} lists every recipient)
 * @param recallable whether the reader may still recall it: their own, sent, not recalled, opened by nobody
 */
public record OpenedMail(long entryId, long mailId, boolean sent, String subject, String html, PersonCandidate sender,
                         List<Line> addresses, List<Attachment> attachments, Instant at, Folder folder,
                         Long folderId, boolean flagged, boolean recalled, boolean recallable,
                         List<Receipt> receipts) implements Serializable {

    /**
     * One address as shown: to / cc / bcc, what it names, and the person as they are now, the unit's name, or the
     * group's name as written at sending.
     */
    public record Line(AddressKind kind, AddressTarget target, String written, PersonCandidate person, Bilingual unit)
            implements Serializable {

        /** "王伟 · 计算机学院 · 讲师" in the reader's language for a person; a unit's name; a group as written. */
        public String label(Locale locale) {
            return person != null ? person.label(locale) : unit != null ? unit.in(locale) : written;
        }
    }

    /** An attached file (its bytes only through {@link Mailbox#attachment}). */
    public record Attachment(String uid, String name, String contentType, long size) implements Serializable {
    }

    /** Whether one recipient opened the mail, and when (the sender's read receipt). */
    public record Receipt(PersonCandidate person, AddressKind kind, Instant openedAt) implements Serializable {
    }
}
