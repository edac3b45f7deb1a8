package cn.edu.xietong.files;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.io.Serializable;
import java.util.Objects;

/**
 * A stored file as something refers to it (a mail, a notice's version): the stored file's uid (its bytes live once in
 * {@code stored_file}, checked and scanned at upload, S1) with the name, type and size its readers are shown.
 */
@Embeddable
public class AttachedFile implements Serializable {

    private static final long serialVersionUID = 1L;

    @Column(name = "file_uid", nullable = false, length = 36)
    private String fileUid;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "content_type", nullable = false, length = 100)
    private String contentType;

    @Column(name = "size_bytes", nullable = false)
    private long size;

    protected AttachedFile() {
    }

    public AttachedFile(FileInfo file) {
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

    @Override
    public boolean equals(Object o) {
        return o instanceof AttachedFile a && Objects.equals(fileUid, a.fileUid);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(fileUid);
    }
}
