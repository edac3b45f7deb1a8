/**
 * Running the system: the batch jobs operators start and watch (C1), the self-check report of the first job, and the
 * health of the database and the mail gateway (O2.5). Weekly backup, cleanup and confidentiality inspections (E3, O1.7)
 * join the job catalogue in later issues.
 */
package cn.edu.xietong.operations;
