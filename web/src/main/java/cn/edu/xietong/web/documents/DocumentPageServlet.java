package cn.edu.xietong.web.documents;

import cn.edu.xietong.documents.DocumentDownloads;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /documents/page?version=…&page=…}: one page of a PDF as a picture bearing the viewer's watermark (S4: how
 * a controlled document is viewed; its file never reaches the browser). Readers only; the service decides.
 */
@WebServlet("/documents/page")
public class DocumentPageServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private DocumentDownloads downloads;

    @Override
    protected String idParameter() {
        return "version";
    }

    @Override
    protected Download download(long versionId, HttpServletRequest request) {
        int page;
        try {
            page = Integer.parseInt(String.valueOf(request.getParameter("page")));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("no page named");
        }
        return new Download("image/png", "inline", downloads.page(versionId, page));
    }

    @Override
    protected int status(DomainException refusal) {
        return HttpServletResponse.SC_NOT_FOUND;
    }
}
