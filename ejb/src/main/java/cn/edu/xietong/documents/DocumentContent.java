package cn.edu.xietong.documents;

import java.io.InputStream;

/**
 * A version's bytes as handed to a viewer or a download: read as a stream from the content store, never whole. A
 * controlled document's download carries the watermark its PDF must show (S4): who, of which unit, when.
 */
public record DocumentContent(String fileName, String contentType, long size, String sha256, String watermark) {

    public DocumentContent(String fileName, String contentType, long size, String sha256) {
        this(fileName, contentType, size, sha256, null);
    }

    /** Whether it is a PDF. */
    public boolean pdf() {
        return contentType.equals("application/pdf");
    }

    /** Where its bytes are. */
    public java.nio.file.Path path() {
        return ContentStore.pathOf(sha256);
    }

    /** Whether browsers show it themselves (PDF and images): what the preview shows inline. */
    public boolean previewable() {
        return contentType.equals("application/pdf") || contentType.startsWith("image/");
    }

    public InputStream stream() {
        try {
            return java.nio.file.Files.newInputStream(ContentStore.pathOf(sha256));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("content " + sha256 + " is missing from the store", e);
        }
    }
}
