/**
 * Which of the flows' notifications people may also have e-mailed ({@link cn.edu.xietong.flow.notice.FlowMailKinds},
 * C2): to-do arrived, returned, approved, rejected, overdue, escalated, urged. The sweep that finds overdue to-dos is a
 * service of the flows ({@link cn.edu.xietong.flow.OverdueSweep}); the notifications themselves are the notification
 * centre's ({@link cn.edu.xietong.notification}); their e-mails go through the mail gateway's outbox.
 */
package cn.edu.xietong.flow.notice;
