/**
 * The weekly backup (E3, O2.2): backup sets on disk ({@link cn.edu.xietong.backup.BackupFolder}: database snapshot,
 * copies of the stored files, a manifest of SHA-256), their records ({@link cn.edu.xietong.backup.BackupSet}) and the
 * steps the backup and verification jobs call ({@link cn.edu.xietong.backup.BackupSets}).
 */
package cn.edu.xietong.backup;
