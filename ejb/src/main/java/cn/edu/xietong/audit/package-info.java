/**
 * The audit trail (S5): every security-relevant event with time, person, their unit, client address, outcome and
 * detail. Append-only and tamper-evident: records form a SHA-256 hash chain, and a verification reports the first
 * altered, removed or reordered record. Only the audit administrator reads and exports it (separation of duties, S3).
 * Records are kept at least 180 days (the Cybersecurity Law's six months); no cleanup exists yet.
 */
package cn.edu.xietong.audit;
