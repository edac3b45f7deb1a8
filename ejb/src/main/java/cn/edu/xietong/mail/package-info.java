/**
 * The mail gateway (C2): e-mail to staff through the server's mail session {@code java:jboss/mail/Oa}, with every
 * attempt logged as a {@link cn.edu.xietong.mail.MailDispatch}. Notifications of to-dos, reminders and internal mail
 * (A4, B2) will go through here.
 */
package cn.edu.xietong.mail;
