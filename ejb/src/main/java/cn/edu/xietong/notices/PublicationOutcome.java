package cn.edu.xietong.notices;

import cn.edu.xietong.flow.FlowSealed;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.instance.InstanceStatus;
import cn.edu.xietong.search.SearchJournal;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.ejb.EJB;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;

/**
 * Carries a publishing flow's outcome to its item (B4), in the transaction of the command that decided it: approved
 * — the version is published at once (and, for an important category, copied to the backup store: E1); rejected — never published (or the published version stays); returned or
 * withdrawn — back to its writer to revise. Anything else (running, another category) concerns it not.
 */
@ApplicationScoped
public class PublicationOutcome {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @Inject
    private SearchJournal search;

    void sealed(@Observes FlowSealed event) {
        if (event.category() != Category.PUBLISHING) {
            return;
        }
        NoticeVersion version = em.createNamedQuery(NoticeVersion.OF_INSTANCE, NoticeVersion.class)
                .setParameter("instance", event.instanceId()).getResultStream().findFirst().orElse(null);
        if (version == null) {
            return; // just started: the publishing service records the instance when it returns
        }
        apply(em, version.getNotice(), version, event.status(), clock.now());
        search.changed(NoticeSearchSource.KIND, version.getNotice().getId());
    }

    /** The outcome of a version's flow, as the instance now stands. */
    static void apply(EntityManager em, Notice notice, NoticeVersion version, InstanceStatus status, Instant at) {
        switch (status) {
            case APPROVED -> {
                notice.approved(version, at);
                PublicationBackup.copyIfImportant(em, notice, version, at);
            }
            case REJECTED -> notice.rejected(version, at);
            case RETURNED, WITHDRAWN -> {
                if (version.getState() == NoticeVersion.State.IN_REVIEW) {
                    notice.sentBack(version, at);
                }
            }
            default -> { }
        }
    }
}
