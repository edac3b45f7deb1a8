package cn.edu.xietong.web.documents;

import cn.edu.xietong.documents.DocumentContent;
import cn.edu.xietong.documents.DocumentDownloads;
import cn.edu.xietong.files.PdfWatermark;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;


/**
 * {@code GET /documents/file?version=…} downloads a version of a document; with {@code &view=1} the browser shows it
 * inline (PDF in its own viewer, images) without saving it. The service decides who may (S4: readers only; a
 * controlled document is viewed but its download refused, 403) and records each view and download. The bytes stream
 * from the content store; a controlled PDF's approved download is watermarked on the way out. Answers as every download
 * does ({@link DownloadServlet}).
 */
@WebServlet("/documents/file")
public class DocumentFileServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DocumentDownloads downloads;

    @Override
    protected String idParameter() {
        return "version";
    }

    @Override
    protected Download download(long versionId, HttpServletRequest request) {
        boolean view = "1".equals(request.getParameter("view"));
        DocumentContent content = view ? downloads.view(versionId) : downloads.open(versionId);
        // only what browsers show themselves is sent inline; anything else is offered as a file
        String disposition = disposition(view && content.previewable() ? "inline" : "attachment",
                content.fileName());
        if (content.watermark() != null && content.pdf()) {
            // S4: a controlled PDF leaves with who downloaded it, their unit and when on every page
            return new Download(content.contentType(), disposition, -1,
                    out -> PdfWatermark.stamp(content.path(), content.watermark(), out));
        }
        return Download.ofFile(content.contentType(), disposition, content.path(), content.size());
    }

    @Override
    protected int status(DomainException refusal) {
        return refusal.messageKey().startsWith("document.controlled.")
                ? HttpServletResponse.SC_FORBIDDEN : HttpServletResponse.SC_NOT_FOUND;
    }
}
