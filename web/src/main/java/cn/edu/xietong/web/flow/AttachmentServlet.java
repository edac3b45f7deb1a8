package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

/**
 * {@code GET /flow/file?id=…&file=…}: an attachment of a flow instance (S4: controlled downloads), for a logged-in
 * person who may see the instance and the field that names the file; the service decides and records the download.
 * Always sent as a download with the type the upload check gave it, never rendered in the page's origin.
 */
@WebServlet("/flow/file")
public class AttachmentServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowRecords records;

    @Override
    protected Download download(long instanceId, HttpServletRequest request) {
        String uid = request.getParameter("file");
        if (uid == null || uid.isBlank()) {
            throw new IllegalArgumentException("no file named");
        }
        return attachment(records.attachment(instanceId, uid));
    }
}
