/**
 * The weekly cleanup (E3, A4): what may go after its time — old trash and drafts of the internal mail and mails no
 * mailbox holds, uploads nothing refers to, content-store files no document version names, old presence samples,
 * expired login challenges and client throttles, old outbox mails, old job runs and job reports — removed item by item
 * in the cleanup job's chunk transactions, each written to the run's job report. Audit records are never removed
 * (A4: kept at least 180 days; the application's role cannot delete them on PostgreSQL).
 * {@link cn.edu.xietong.cleanup.WeeklyCleanup} is the job's service, {@link cn.edu.xietong.cleanup.Sweeps} the rules.
 */
package cn.edu.xietong.cleanup;
