/**
 * Internal mail (A4, A5): every member of staff whose unit uses the mail module has a mailbox. A mail is stored once
 * ({@link MailMessage}: body, addresses, attachments by stored-file uid) and appears in each mailbox by one small
 * {@link MailEntry}: the sender's (drafts, sent) and one per recipient (inbox). Folders, read state, flags, trash,
 * read receipts, recall of an unopened mail, search within one's own mailbox, quotas by policy
 * ({@link MailboxPolicy}, {@link MailQuota}), unit and personal groups as recipients. Rich text is sanitised on the
 * server by jsoup ({@link RichText}). A new mail reaches the notification centre and, by the person's choice, their
 * e-mail through the gateway (which carries a link only, S4).
 *
 * <p>Services: {@link Mailbox} (reading one's own mailbox), {@link MailSending} (drafts, sending, recall),
 * {@link MailGroups}, {@link MailboxPolicies} (the administrator's quota policy) and {@link MailboxCleanup} (the weekly
 * cleanup's part: trash past the policy's days). A mailbox is its owner's alone: administrators included, nobody else
 * reads it through any service.
 */
package cn.edu.xietong.mailbox;
