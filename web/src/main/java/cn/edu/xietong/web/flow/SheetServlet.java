package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.DownloadServlet;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code GET /flow/sheet?id=…}: the printable approval sheet (B3) as PDF, for a logged-in person who may see the
 * instance (the service decides). A server without a CJK font answers 503 with the reason.
 */
@WebServlet("/flow/sheet")
public class SheetServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowRecords records;

    /** The sheet is made in the language the person reads the pages in. */
    @Inject
    private LanguageView language;

    @Override
    protected Download download(long instanceId, HttpServletRequest request) {
        return new Download("application/pdf", "inline; filename=\"approval-" + instanceId + ".pdf\"",
                records.approvalSheet(instanceId, language.getLocale()));
    }

    @Override
    protected int status(DomainException refusal) {
        return "flow.sheet.noFont".equals(refusal.messageKey()) ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                : HttpServletResponse.SC_NOT_FOUND;
    }
}
