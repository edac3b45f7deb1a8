package cn.edu.xietong.mailbox;

import cn.edu.xietong.files.FileInfo;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/**
 * A file attached to a mail: the stored file's uid (its bytes live once in {@code stored_file}, checked and scanned at
 * upload, S1), with the name, type and size shown to readers.
 */
@Embeddable
public class MailAttachment {

    @Column(name = "file_uid", nullable = false, length = 36)
    private String fileUid;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    protected MailAttachment() {
    }

    public MailAttachment(FileInfo file) {
        this.fileUid = file.uid();
        this.name = file.name();
        this.contentType = file.contentType();
        this.size = file.size();
    }

    public String getFileUid() {
        return fileUid;
    }

    public String getName() {
        return name;
    }

    public String getContentType() {
        return contentType;
    }

    public long getSize() {
        return size;
    }
}
