package cn.edu.xietong.documents;

import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.flow.FlowSealed;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/**
 * Carries a download approval flow's outcome to its request (S4), in the transaction of the command that decided it:
 * approved — one download until the window ends; rejected or withdrawn — nothing.
 */
@ApplicationScoped
public class DownloadDecisions {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @EJB
    private Settings settings;

    void sealed(@Observes FlowSealed event) {
        if (event.category() != Category.CONTROLLED_DOWNLOAD) {
            return;
        }
        em.createNamedQuery(DownloadApproval.OF_INSTANCE, DownloadApproval.class)
                .setParameter("instance", event.instanceId()).getResultStream().findFirst()
                .ifPresent(a -> ControlledDownloads.DownloadOutcome.apply(a, event.status(), clock.now(),
                        ControlledDownloads.window(settings)));
    }
}
