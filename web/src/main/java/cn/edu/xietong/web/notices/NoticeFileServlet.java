package cn.edu.xietong.web.notices;

import cn.edu.xietong.notices.NoticeBoard;
import cn.edu.xietong.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /notices/file?notice=…&file=…}: a file attached to an item (B4), for those who may read the version it
 * is attached to (the service decides: the audience, the writer, the flow's participants). Answers as every download
 * does ({@link DownloadServlet}).
 */
@WebServlet("/notices/file")
public class NoticeFileServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private NoticeBoard board;

    @Override
    protected String idParameter() {
        return "notice";
    }

    @Override
    protected Download download(long noticeId, HttpServletRequest request) {
        String uid = request.getParameter("file");
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("no file named");
        }
        return attachment(board.attachment(noticeId, uid));
    }
}
