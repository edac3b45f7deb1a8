/**
 * Running the system: the batch jobs operators start and watch (C1), the self-check report of the first job, and the
 * health of the database and the mail gateway (O2.5), and the reports every job writes ({@link
 * cn.edu.xietong.operations.JobReports}). The weekly backup and cleanup (E3) keep their rules in
 * {@code cn.edu.xietong.backup} and {@code cn.edu.xietong.cleanup}.
 */
package cn.edu.xietong.operations;
