package cn.edu.xietong.web.mail;

import cn.edu.xietong.mailbox.Mailbox;
import cn.edu.xietong.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /mail/file?mail=…&file=…}: an attachment of a mail in the caller's own mailbox (A4, S4: only to those
 * who hold the mail; the service decides). Answers as every download does ({@link DownloadServlet}); a recalled mail
 * is 404.
 */
@WebServlet("/mail/file")
public class MailFileServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private Mailbox mailbox;

    @Override
    protected String idParameter() {
        return "mail";
    }

    @Override
    protected Download download(long mailId, HttpServletRequest request) {
        String uid = request.getParameter("file");
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("no file named");
        }
        return attachment(mailbox.attachment(mailId, uid));
    }
}
