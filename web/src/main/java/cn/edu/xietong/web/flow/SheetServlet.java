package cn.edu.xietong.web.flow;

import cn.edu.xietong.flow.FlowService;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * {@code GET /flow/sheet?id=…}: the printable approval sheet (B3) as PDF, for a logged-in person who may see the
 * instance (the service decides). A server without a CJK font answers 503 with the reason.
 */
@WebServlet("/flow/sheet")
public class SheetServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private FlowService flows;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        long id;
        try {
            id = Long.parseLong(request.getParameter("id"));
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return;
        }
        byte[] pdf;
        try {
            pdf = flows.approvalSheet(id);
        } catch (EJBAccessException e) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        } catch (DomainException e) {
            response.sendError("flow.sheet.noFont".equals(e.messageKey()) ? HttpServletResponse.SC_SERVICE_UNAVAILABLE
                    : HttpServletResponse.SC_NOT_FOUND, e.messageKey());
            return;
        }
        response.setContentType("application/pdf");
        response.setHeader("Content-Disposition", "inline; filename=\"approval-" + id + ".pdf\"");
        response.setContentLength(pdf.length);
        response.getOutputStream().write(pdf);
    }
}
