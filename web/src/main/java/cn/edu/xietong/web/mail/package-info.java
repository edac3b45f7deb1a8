/**
 * The internal mail pages (A4, A5): the mailbox with its folders, search and quota, reading a mail (receipts and
 * recall for its sender), writing one (person picker, units, groups, attachments, autosave, the same-name warning),
 * one's personal groups, and the attachment download. The pages only delegate to the services of
 * {@code cn.edu.xietong.mailbox}, which decide every right.
 */
package cn.edu.xietong.web.mail;
