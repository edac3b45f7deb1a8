package cn.edu.xietong.web.chat;

import cn.edu.xietong.chat.Conversations;
import cn.edu.xietong.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

/** {@code GET /chat/file?id=…&file=…}: a file sent in a conversation, for its members only (A4, S4). */
@WebServlet("/chat/file")
public class ChatFileServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private Conversations conversations;

    @Override
    protected Download download(long conversationId, HttpServletRequest request) {
        String uid = request.getParameter("file");
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("no file named");
        }
        return attachment(conversations.file(conversationId, uid));
    }
}
