package cn.edu.xietong.files;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The bytes of an upload as the web tier hands them over: a stream to read, or, when the servlet container has already
 * written them to a file (a multipart part above its size threshold), a file the content store may move into its own
 * temporary place instead of copying it, so that a large upload is written to disk once, not twice. The checks (S1:
 * type by content, size, scan) run on the moved file all the same.
 */
public interface IncomingFile {

    /** The bytes from their start. */
    InputStream open() throws IOException;

    /**
     * Puts the bytes at {@code target} (a file that does not exist yet), by a move where they already are in a file.
     *
     * @return false when they cannot be put there this way; the store then copies them from {@link #open()}
     */
    default boolean moveTo(Path target) throws IOException {
        return false;
    }

    /** A stream read once, as it comes. */
    static IncomingFile of(InputStream stream) {
        return () -> stream;
    }
}
