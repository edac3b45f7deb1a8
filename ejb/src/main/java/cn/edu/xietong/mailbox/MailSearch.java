package cn.edu.xietong.mailbox;

import java.io.Serializable;
import java.time.LocalDate;

/**
 * What a person searches their own mailbox by (A4): words in the sender's name, the recipients, the subject, the
 * text and an attachment's name, a date range (campus days, both included) and a folder; empty parts are ignored.
 */
public record MailSearch(String sender, String recipient, String subject, String text, String attachment,
                         LocalDate from, LocalDate to, Folder folder) implements Serializable {

    public boolean isEmpty() {
        return blank(sender) && blank(recipient) && blank(subject) && blank(text) && blank(attachment) && from == null
                && to == null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
