/**
 * The weekly backup and its verification as JBeret jobs (E3, O2.2): {@code weekly-backup.xml} (snapshot, copy of the
 * files as a restartable chunk step, seal) and {@code backup-verify.xml} (every file of a set re-read against its
 * manifest). The rules and the files are {@link cn.edu.xietong.backup}'s; these artefacts only drive them.
 */
package cn.edu.xietong.batch.backup;
