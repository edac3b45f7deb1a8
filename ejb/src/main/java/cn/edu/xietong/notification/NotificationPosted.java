package cn.edu.xietong.notification;

/**
 * A notification has just been stored, in the transaction of its event: a CDI event other areas observe in that same
 * transaction (the mail gateway's outbox, C2), so that what they store with it commits or rolls back with it.
 */
public record NotificationPosted(Notification notification) {
}
