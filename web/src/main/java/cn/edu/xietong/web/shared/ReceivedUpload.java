package cn.edu.xietong.web.shared;

import cn.edu.xietong.files.IncomingFile;
import org.primefaces.model.file.UploadedFile;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file received by a page's upload widget, handed to the services as an {@link IncomingFile}: Undertow has written
 * a multipart part above its threshold (web.xml, 1 MB) to a temporary file, which {@link UploadedFile#write} moves
 * (the servlet API's {@code Part.write}); a part held in memory is written out. A large upload is thus on disk once.
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
                try {
                    file.write(target.toAbsolutePath().toString());
                    return true;
                } catch (Exception cannot) {
                    // the part stays where it is; the store copies it from its stream instead
                    Files.deleteIfExists(target);
                    return false;
                }
            }
        };
    }
}
