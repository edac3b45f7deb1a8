package cn.edu.xietong.mailbox;

import java.io.Serializable;
import java.util.List;

/**
 * What the compose page holds (A4): subject, the rich text as written, recipients, the uids of attached files (the
 * writer's own uploads, or the attachments of the mail being forwarded), and what the mail answers or forwards.
 */
public record DraftInput(String subject, String html, List<Recipient> recipients, List<String> attachmentUids,
                         Long replyToMail, Long forwardOfMail) implements Serializable {

    public DraftInput {
        recipients = recipients == null ? List.of() : List.copyOf(recipients);
        attachmentUids = attachmentUids == null ? List.of() : List.copyOf(attachmentUids);
    }

    public static DraftInput empty() {
        return new DraftInput("", "", List.of(), List.of(), null, null);
    }
}
