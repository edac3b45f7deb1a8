/**
 * Reminding about flows (B2, A2): the sweep that finds overdue to-dos (on a timer, reading the one office clock),
 * reminds their handlers and escalates to the handler's unit leader, and which of the flows' notifications people
 * may have e-mailed ({@link cn.edu.xietong.flow.notice.FlowMailKinds}, C2). The notifications themselves are the
 * notification centre's ({@link cn.edu.xietong.notification}); their e-mails go through the mail gateway's outbox.
 */
package cn.edu.xietong.flow.notice;
