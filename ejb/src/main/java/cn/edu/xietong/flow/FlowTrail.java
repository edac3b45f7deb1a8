package cn.edu.xietong.flow;

import cn.edu.xietong.audit.HeadLog;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.Notice;
import cn.edu.xietong.flow.trail.FlowAction;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.flow.trail.TrailVerifier;
import cn.edu.xietong.monitoring.ApplicationMetrics;
import cn.edu.xietong.notification.Notifications;
import cn.edu.xietong.signing.ServerKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Stores and checks the signed trails (B3). {@link cn.edu.xietong.flow.CommandRunner}, the one way a command runs on an
 * instance, calls {@link #seal} inside the transaction of every command, so a record is never stored unsigned, and the
 * people the action concerns are told in that same transaction (A2, B2); rights to read a trail are the flow services'
 * to check. Each sealed head also goes to the heads file after the commit ({@link HeadLog}), so a trail cut back in the
 * database, with the instance's count and head set back to match, is still found out.
 */
@Stateless
@PermitAll
public class FlowTrail {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ServerKeys keys;

    @EJB
    private HeadLog heads;

    @EJB
    private Notifications notifications;

    @Inject
    private Event<FlowSealed> sealed;

    @EJB
    private ApplicationMetrics metrics;

    /**
     * Signs and stores the actions the instance appended in this transaction, and posts the notifications of the
     * people they concern ({@link FlowInstance#takeNotices}): the one step after every command on an instance. Then
     * tells the observers of {@link FlowSealed}, in the same transaction, where the instance now stands.
     */
    public void seal(FlowInstance instance) {
        for (Notice notice : instance.takeNotices()) {
            notifications.post(notice.about(instance));
        }
        List<FlowAction> appended = instance.takeAppended();
        for (FlowAction action : appended) {
            action.sign(keys.sign(TrailVerifier.signedBytes(action)), keys.trailKeyId());
            em.persist(action);
            metrics.flowAction(action.getKind().name());
        }
        if (!appended.isEmpty()) {
            heads.afterCommit(HeadLog.flowTrail(instance.getUid()), instance.getActionCount(), instance.getLastHash());
            sealed.fire(new FlowSealed(instance.getId(), instance.getDesign().getCode(),
                    instance.getDesign().getCategory(), instance.getStatus()));
        }
    }

    public List<FlowAction> actions(FlowInstance instance) {
        return em.createNamedQuery(FlowAction.OF_INSTANCE, FlowAction.class).setParameter("uid", instance.getUid())
                .getResultList();
    }

    /**
     * Verifies the stored trail against the instance's count and head, the server's key, the latest head this server
     * recorded outside the database, and the form as it stands: while the form is locked (not with the initiator) its
     * values must be those the last action signed.
     */
    public TrailCheck verify(FlowInstance instance) {
        HeadLog.Head recorded = heads.latest(HeadLog.flowTrail(instance.getUid())).orElse(null);
        return TrailVerifier.verify(actions(instance), instance.getActionCount(), instance.getLastHash(),
                keys.trailPublicKey(), recorded == null ? 0 : (int) recorded.seq(),
                recorded == null ? null : recorded.hash(),
                instance.getStatus().withInitiator() ? null : instance.values().sha256());
    }

    public String export(FlowInstance instance) {
        return TrailVerifier.export(instance.getUid(), instance.getActionCount(), instance.getLastHash(),
                actions(instance));
    }

    public String publicKeyPem() {
        return TrailVerifier.pem(keys.trailPublicKey());
    }

    public String keyId() {
        return keys.trailKeyId();
    }
}
