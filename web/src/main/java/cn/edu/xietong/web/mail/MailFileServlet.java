package cn.edu.xietong.web.mail;

import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.PageRequest;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * {@code GET /mail/file?mail=…&file=…}: an attachment of a mail in the caller's own mailbox (A4, S4: only to those
 * who hold the mail; the service decides). 404 without a mail id, 400 for a malformed one or no file named, 403 (and
 * one WARN line) when the service refuses — for a mail or file that does not exist too — and 404 when the mail was
 * recalled. Always a download with the type the upload check gave it, never sniffed, never cached.
 */
@WebServlet("/mail/file")
public class MailFileServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = Logger.getLogger(MailFileServlet.class.getName());

    @EJB
    private Mailbox mailbox;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StoredFile file;
        try {
            long mailId = PageRequest.id("mail", request.getParameter("mail"));
            String uid = request.getParameter("file");
            if (uid == null || uid.isBlank()) {
                response.sendError(HttpServletResponse.SC_BAD_REQUEST);
                return;
            }
            file = mailbox.attachment(mailId, uid);
        } catch (PageRequest nothingNamed) {
            response.sendError(nothingNamed.status());
            return;
        } catch (EJBAccessException e) {
            LOG.warning(() -> "refused 403 " + request.getServletPath() + " for " + request.getRemoteUser() + ": "
                    + e.getMessage());
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (DomainException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND, e.messageKey());
            return;
        }
        byte[] content = file.content();
        response.setContentType(file.getContentType());
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
                + URLEncoder.encode(file.getName(), StandardCharsets.UTF_8).replace("+", "%20"));
        response.setHeader("Cache-Control", "private, no-store");
        response.setContentLength(content.length);
        response.getOutputStream().write(content);
    }
}
