package cn.edu.xietong.web.shared;

import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.shared.DomainException;
import io.undertow.io.BufferWritableOutputStream;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URLEncoder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.logging.Logger;

/**
 * A file of an object ({@code ?id=…}: a flow instance, a mail, a conversation), for a logged-in person the object's
 * service lets see it: 404 without an id, 400 for a malformed one, 403 (and one WARN line) when the service refuses
 * the person — for an object that does not exist too — and 404 (or what {@link #status} says) when a rule refuses
 * the file. Sent private, never cached, never sniffed.
 */
public abstract class DownloadServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(DownloadServlet.class.getName());

    /**
     * What is sent: its type, its Content-Disposition, its length (negative when it is known only once written, as a
     * watermarked copy) and what writes its bytes.
     */
    public record Download(String contentType, String disposition, long length, Body body) {

        /** A download of bytes held in memory (small files: form attachments, mail attachments). */
        public Download(String contentType, String disposition, byte[] content) {
            this(contentType, disposition, content.length, out -> out.write(content));
        }

        /**
         * A download of a file on disk (the content store's). Undertow sends it from the file to the connection
         * without copying it through the application ({@code transferFrom}: the kernel's sendfile on plain HTTP);
         * any other output stream gets it copied.
         */
        public static Download ofFile(String contentType, String disposition, Path file, long length) {
            return new Download(contentType, disposition, length, out -> {
                if (out instanceof BufferWritableOutputStream direct) {
                    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                        direct.transferFrom(channel);
                    }
                } else {
                    Files.copy(file, out);
                }
            });
        }
    }

    /** Writes a download's bytes; a large file streams from where it is stored, never held in memory. */
    @FunctionalInterface
    public interface Body {
        void writeTo(OutputStream out) throws IOException;
    }

    /** A Content-Disposition naming the file in UTF-8: {@code attachment} or {@code inline}. */
    protected static String disposition(String type, String fileName) {
        return type + "; filename*=UTF-8''" + URLEncoder.encode(fileName, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /**
     * The file of the object the request asks for, as the service gives it to the caller.
     *
     * @throws IllegalArgumentException when the request lacks what names the file (answered 400)
     */
    protected abstract Download download(long objectId, HttpServletRequest request);

    /** The request parameter that names the object. */
    protected String idParameter() {
        return "id";
    }

    /** A stored file sent as a download under its own name and the type the upload check gave it. */
    protected static Download attachment(StoredFile file) {
        return new Download(file.getContentType(), disposition("attachment", file.getName()), file.content());
    }

    /** The HTTP status of a refusal by a rule. */
    protected int status(DomainException refusal) {
        return HttpServletResponse.SC_NOT_FOUND;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Download download;
        try {
            download = download(PageRequest.id(idParameter(), request.getParameter(idParameter())), request);
        } catch (PageRequest nothingNamed) {
            response.sendError(nothingNamed.status());
            return;
        } catch (IllegalArgumentException badRequest) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        } catch (EJBAccessException e) {
            LOG.warning(() -> "refused 403 " + request.getServletPath() + " for " + request.getRemoteUser() + ": "
                    + e.getMessage());
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (DomainException e) {
            response.sendError(status(e), e.messageKey());
            return;
        }
        response.setContentType(download.contentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", download.disposition());
        response.setHeader("Cache-Control", "private, no-store");
        if (download.length() >= 0) {
            response.setContentLengthLong(download.length());
        }
        download.body().writeTo(response.getOutputStream());
    }
}
