package cn.edu.xietong.web.shared;

import cn.edu.xietong.files.IncomingFile;
import jakarta.servlet.http.Part;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.primefaces.model.file.NativeUploadedFile;
import org.primefaces.model.file.UploadedFileWrapper;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collection;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A file the page's upload widget received reaches the content store's place by a move, not a copy. */
class ReceivedUploadTest {

    @TempDir
    Path dir;

    @Test
    void aPartTheContainerWroteToDiskIsMovedToTheStoresPlace() throws Exception {
        byte[] bytes = "上传的文件".getBytes(StandardCharsets.UTF_8);
        Path received = Files.write(dir.resolve("undertow-upload"), bytes);
        // as PrimeFaces' decoder hands it to the page's listener
        IncomingFile incoming = ReceivedUpload.of(new UploadedFileWrapper(new NativeUploadedFile(
                new ReceivedPart(received, "报告.pdf"), null, null)));
        Path target = Files.createDirectories(dir.resolve("content/tmp")).resolve("upload-1.part");

        assertTrue(incoming.moveTo(target), "moved, not left for a copy");
        assertArrayEquals(bytes, Files.readAllBytes(target));
        assertFalse(Files.exists(received), "the container's file was moved away");
    }

    /**
     * A multipart part as Undertow leaves one above its size threshold: a file it wrote, which {@link #write} moves to
     * the path it is given (an absolute path as it is; Undertow's {@code PartImpl} does the same).
     */
    private record ReceivedPart(Path file, String submittedFileName) implements Part {

        @Override
        public InputStream getInputStream() throws IOException {
            return Files.newInputStream(file);
        }

        @Override
        public String getContentType() {
            return "application/pdf";
        }

        @Override
        public String getName() {
            return "file";
        }

        @Override
        public String getSubmittedFileName() {
            return submittedFileName;
        }

        @Override
        public long getSize() {
            try {
                return Files.size(file);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(String fileName) throws IOException {
            Files.move(file, Path.of(fileName), StandardCopyOption.REPLACE_EXISTING);
        }

        @Override
        public void delete() throws IOException {
            Files.deleteIfExists(file);
        }

        @Override
        public String getHeader(String name) {
            return null;
        }

        @Override
        public Collection<String> getHeaders(String name) {
            return List.of();
        }

        @Override
        public Collection<String> getHeaderNames() {
            return List.of();
        }
    }
}
