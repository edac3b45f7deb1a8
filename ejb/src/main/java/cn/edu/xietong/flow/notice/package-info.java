/**
 * Reminding about flows (B2, A2): the sweep that finds overdue to-dos (on a timer, reading the one office clock),
 * reminds their handlers and escalates to the handler's unit leader (each to-do a command of its own through
 * {@link cn.edu.xietong.flow.CommandRunner}, so the trail is sealed), and the e-mails of reminders, escalations and
 * urging (催办/督办) through the mail gateway. The in-app notifications of these events are the notification
 * centre's ({@link cn.edu.xietong.notification}).
 */
package cn.edu.xietong.flow.notice;
