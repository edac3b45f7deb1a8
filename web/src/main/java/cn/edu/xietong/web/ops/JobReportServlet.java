package cn.edu.xietong.web.ops;

import cn.edu.xietong.operations.JobReports;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.web.i18n.LanguageView;
import cn.edu.xietong.web.shared.DownloadServlet;
import cn.edu.xietong.web.shared.Messages;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServletRequest;

import java.nio.charset.StandardCharsets;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * {@code GET /ops/report.csv?id=<job instance>}: a batch run's report as CSV (C1, E3), for batch operators (the page's
 * constraint and the service's roles); the kinds and the header in the language the person reads the pages in.
 */
@WebServlet("/ops/report.csv")
public class JobReportServlet extends DownloadServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private JobReports reports;

    @Inject
    private LanguageView language;

    @Override
    protected Download download(long instanceId, HttpServletRequest request) {
        if (reports.report(instanceId).isEmpty()) {
            throw new DomainException("jobs.report.none");
        }
        ResourceBundle bundle = ResourceBundle.getBundle(Messages.BUNDLE, language.getLocale());
        String csv = reports.csv(instanceId, kind -> text(bundle, "report." + kind, kind),
                text(bundle, "jobs.report.kind", "kind"), text(bundle, "jobs.report.subject", "subject"),
                text(bundle, "jobs.report.link", "link"), text(bundle, "jobs.report.amount", "amount"),
                text(bundle, "jobs.report.bytes", "bytes"));
        return new Download("text/csv; charset=UTF-8", disposition("attachment", "job-report-" + instanceId + ".csv"),
                csv.getBytes(StandardCharsets.UTF_8));
    }

    private static String text(ResourceBundle bundle, String key, String fallback) {
        try {
            return bundle.getString(key);
        } catch (MissingResourceException unknownKind) {
            return fallback;
        }
    }
}
