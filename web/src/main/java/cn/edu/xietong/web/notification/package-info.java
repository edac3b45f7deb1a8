/**
 * The notification centre's pages (A2, B2): the bell in the top bar with the unread count, and notifications.xhtml,
 * which lists the caller's notifications, opens each one's object (marking it read) and marks all read.
 */
package cn.edu.xietong.web.notification;
