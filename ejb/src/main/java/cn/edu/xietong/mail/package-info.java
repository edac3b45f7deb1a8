/**
 * The mail gateway (C2): e-mail to staff through the server's mail session {@code java:jboss/mail/Oa}. Each person
 * chooses which kinds of notification also reach their e-mail, at once or in a daily digest ({@link
 * cn.edu.xietong.mail.MailPreferences}; modules declare their kinds as {@link cn.edu.xietong.mail.MailableKinds}).
 * The e-mail of a notification is stored in a durable outbox in the notification's own transaction ({@link
 * cn.edu.xietong.mail.Outbox}) and sent with retries and back-off by senders on every server, which claim each row
 * ({@link cn.edu.xietong.mail.OutboxSender}); a mail carries an object's name and a link, never its content (S4,
 * {@link cn.edu.xietong.mail.NotificationMail}). The administrator sees the queue and retries or cancels ({@link
 * cn.edu.xietong.mail.OutboxAdministration}) and sends test mails ({@link cn.edu.xietong.mail.MailGateway}).
 */
package cn.edu.xietong.mail;
