/**
 * The notification centre (A2, B2): what a person is told, by any module, in the application. A notification names
 * its reader, its kind, the object it is about (a module and the object's id, which the pages turn into a link), what
 * happened (a message key with arguments, rendered in the reader's language, or a short text in both languages), the
 * object's name and a quoted note, and when it was made and read. Modules post theirs inside the transaction of the
 * event; a person reads and marks only their own. Each posting is announced ({@link NotificationPosted}) in its
 * transaction; the mail gateway's outbox observes it and stores the e-mail of it for whoever wants one (C2).
 */
package cn.edu.xietong.notification;
