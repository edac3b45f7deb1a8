/**
 * Flows and approvals (A1–A3, B2, B3, O1.3–O1.5, O2.6, O3.3): the services pages, batch jobs, timers and benchmarks
 * call, one job each, each checking rights and module rights (O2.7) and holding the transaction — {@link
 * cn.edu.xietong.flow.FlowCommands} (starting flows and every command on an instance), {@link
 * cn.edu.xietong.flow.Worklists} (the caller's to-dos, done, copies and own flows), {@link
 * cn.edu.xietong.flow.FlowRecords} (an instance as the caller may see it, its files, its signed trail and the approval
 * sheet), {@link cn.edu.xietong.flow.Handover} (a deactivated account's to-dos handed over), {@link
 * cn.edu.xietong.flow.Supervision} (the board of core flows), {@link cn.edu.xietong.flow.Delegations} (proxies),
 * {@link cn.edu.xietong.flow.FlowDesigns} (forms and designs through review) and {@link
 * cn.edu.xietong.flow.OverdueSweep} (reminders and escalations of overdue to-dos, run by {@link
 * cn.edu.xietong.flow.OverdueTimer}). A command on an instance runs only through {@link
 * cn.edu.xietong.flow.CommandRunner}, which seals the trail after it; {@link cn.edu.xietong.flow.FlowDirectory} is the
 * directory as the flow engine sees it. The subpackages hold the model: form templates ({@code form}), designs with
 * their review lifecycle ({@code design}), running instances and their state machine ({@code instance}), the signed
 * hash chain of every action ({@code trail}), and the flows' e-mails ({@code notice}).
 */
package cn.edu.xietong.flow;
