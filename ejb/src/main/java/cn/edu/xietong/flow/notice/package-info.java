/**
 * Notices about flows (B2, A2): reminders of overdue to-dos, escalations to the handler's unit leader, and urging
 * (催办/督办), each as an in-app notice on the home page and as an e-mail through the mail gateway. The sweep that
 * finds overdue to-dos runs on a timer and reads the one office clock.
 */
package cn.edu.xietong.flow.notice;
