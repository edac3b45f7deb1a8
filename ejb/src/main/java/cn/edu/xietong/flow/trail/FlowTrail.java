package cn.edu.xietong.flow.trail;

import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.security.ServerKeys;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.List;

/**
 * Stores and checks the signed trails (B3). The flow services call {@link #seal} inside the transaction of every
 * action, so a record is never stored unsigned; rights to read a trail are the flow services' to check.
 */
@Stateless
@PermitAll
public class FlowTrail {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private ServerKeys keys;

    /** Signs and stores the actions the instance appended in this transaction. */
    public void seal(FlowInstance instance) {
        for (FlowAction action : instance.takeAppended()) {
            action.sign(keys.sign(TrailVerifier.signedBytes(action)), keys.trailKeyId());
            em.persist(action);
        }
    }

    public List<FlowAction> actions(FlowInstance instance) {
        return em.createNamedQuery(FlowAction.OF_INSTANCE, FlowAction.class).setParameter("uid", instance.getUid())
                .getResultList();
    }

    public TrailCheck verify(FlowInstance instance) {
        return TrailVerifier.verify(actions(instance), instance.getActionCount(), instance.getLastHash(),
                keys.trailPublicKey());
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
