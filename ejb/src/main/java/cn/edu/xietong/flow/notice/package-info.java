/**
 * The flows' e-mails (B2, A2): reminders, escalations and urging (催办/督办) through the mail gateway, in the language
 * of their reader. The sweep that finds overdue to-dos and decides whom to remind is a service of the flows
 * ({@link cn.edu.xietong.flow.OverdueSweep}); the in-app notifications of these events are the notification centre's
 * ({@link cn.edu.xietong.notification}).
 */
package cn.edu.xietong.flow.notice;
