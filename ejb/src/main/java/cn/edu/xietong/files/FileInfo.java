package cn.edu.xietong.files;

import java.io.Serializable;
import java.time.Instant;

/** A stored file without its bytes: what lists, forms and checks need. */
public record FileInfo(String uid, String name, String contentType, long size, String sha256, Long ownerId,
                       Instant uploadedAt, String scannedBy) implements Serializable {
}
