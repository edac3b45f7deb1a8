package cn.edu.xietong.documents;

import java.io.Serializable;

/** What the content store took in: the checked name and type, the size, the SHA-256 and the scanner that passed it. */
public record StoredContent(String fileName, String contentType, long size, String sha256, String scannedBy)
        implements Serializable {
}
