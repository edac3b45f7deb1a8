/**
 * Uploaded files (S1): every upload passes {@link cn.edu.xietong.files.UploadCheck} (name, size, type by content) and
 * the virus scan ({@link cn.edu.xietong.files.VirusScanner}, clamd; fail closed outside demo mode) before
 * {@link cn.edu.xietong.files.FileStore} stores it as a {@link cn.edu.xietong.files.StoredFile} with its SHA-256.
 * Who may read a stored file is decided by what refers to it — a flow instance, a mail, a conversation — never by its
 * uid alone; pages receive {@link cn.edu.xietong.files.FileInfo}, never the bytes.
 */
package cn.edu.xietong.files;
