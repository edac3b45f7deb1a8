package cn.edu.xietong.notices;

import cn.edu.xietong.files.AttachedFile;

import java.io.Serializable;
import java.util.List;

/** A file attached to a version of an item, as pages list it (downloaded through the item, never by uid alone). */
public record NoticeFile(String uid, String name, String contentType, long size) implements Serializable {

    static List<NoticeFile> of(NoticeVersion version) {
        return version.getAttachments().stream().map(NoticeFile::of).toList();
    }

    static NoticeFile of(AttachedFile file) {
        return new NoticeFile(file.getFileUid(), file.getName(), file.getContentType(), file.getSize());
    }
}
