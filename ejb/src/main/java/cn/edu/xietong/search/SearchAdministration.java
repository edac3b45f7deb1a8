package cn.edu.xietong.search;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;

/** The system administrator's hold on this server's search index (B4): where it stands, and a rebuild (audited). */
@Stateless
@RolesAllowed("SYS_ADMIN")
public class SearchAdministration {

    @EJB
    private SearchIndex index;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** Where this server's index stands. */
    public SearchIndex.IndexStatus status() {
        return index.status();
    }

    /** Builds this server's index again from the database, in the background (within seconds); audited. */
    public void rebuild() {
        audit.record(AuditEvent.SEARCH_REBUILD, AuditOutcome.SUCCESS, context.getCallerPrincipal().getName(), null,
                index.folder().toString());
        index.rebuildSoon();
    }
}
