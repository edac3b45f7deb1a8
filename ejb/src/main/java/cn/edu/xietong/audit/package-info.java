/**
 * The audit trail (S5): every security-relevant event with time, person, their unit, client address, outcome and
 * detail. Append-only and tamper-evident: records form a SHA-256 hash chain, each record and the chain's head are
 * signed with the server's key (kept outside the database), the latest heads also go to a file outside the database
 * ({@link cn.edu.xietong.audit.HeadLog}, which the flows' trails use too), and a verification reports the first
 * altered, removed or reordered record, or a database put back to an older state (B3). Only the audit administrator reads and exports it (separation of duties, S3).
 * Records are kept at least 180 days (the Cybersecurity Law's six months); no cleanup exists yet.
 */
package cn.edu.xietong.audit;
