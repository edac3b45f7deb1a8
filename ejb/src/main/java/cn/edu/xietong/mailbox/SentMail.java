package cn.edu.xietong.mailbox;

/** A mail as sent: its id, how many mailboxes received it, whether the sanitiser removed something. */
public record SentMail(long mailId, int recipients, boolean cleaned) {
}
