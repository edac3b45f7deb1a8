package cn.edu.xietong.web.shared;

import cn.edu.xietong.files.IncomingFile;
import jakarta.servlet.http.Part;
import org.primefaces.model.file.AbstractUploadedFile;
import org.primefaces.model.file.UploadedFile;
import org.primefaces.model.file.UploadedFileWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file received by a page's upload widget, handed to the services as an {@link IncomingFile}: Undertow has written
 * a multipart part above its threshold (web.xml, 1 MB) to a temporary file, which the servlet API's
 * {@link Part#write} moves to the store's place (a rename on the same file system); a part held in memory is written
 * out. A large upload is thus on disk once. The widget hands over its part wrapped ({@link UploadedFileWrapper} around
 * a {@link AbstractUploadedFile} around the {@link Part}); PrimeFaces' own {@link UploadedFile#write} is not used: it
 * takes a directory and adds the sent file's name to it.
 */
public final class ReceivedUpload {

    private ReceivedUpload() {
    }

    public static IncomingFile of(UploadedFile file) {
        return new IncomingFile() {
            @Override
            public InputStream open() throws IOException {
                return file.getInputStream();
            }

            @Override
            public boolean moveTo(Path target) throws IOException {
                UploadedFile unwrapped = file;
                while (unwrapped instanceof UploadedFileWrapper wrapper) {
                    unwrapped = wrapper.getWrapped();
                }
                if (!(unwrapped instanceof AbstractUploadedFile<?> uploaded
                        && uploaded.getSource() instanceof Part part)) {
                    return false;
                }
                try {
                    part.write(target.toAbsolutePath().toString());
                    return true;
                } catch (IOException cannot) {
                    // the part stays where it is; the store copies it from its stream instead
                    Files.deleteIfExists(target);
                    return false;
                }
            }
        };
    }
}
