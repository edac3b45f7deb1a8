package cn.edu.xietong.flow;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.instance.Delegation;
import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Out-of-office proxies (委托, A2): a person names a deputy for a period, for every flow or chosen ones; to-dos that
 * arrive for them meanwhile go to the deputy, and every action names both. Only the person sets or ends their own
 * proxies; each change is audited.
 */
@Stateless
@RolesAllowed("STAFF")
public class Delegations {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private OfficeClock clock;

    @EJB
    private AuditTrail audit;

    /**
     * The flows a proxy may be limited to, by name: every published design (a to-do of any of them may arrive for
     * the caller), once per code, in catalogue order.
     */
    public List<DelegableFlow> delegable() {
        Map<String, DelegableFlow> flows = new LinkedHashMap<>();
        for (FlowDesign design : em.createNamedQuery(FlowDesign.PUBLISHED, FlowDesign.class).getResultList()) {
            flows.putIfAbsent(design.getCode(),
                    new DelegableFlow(design.getCode(), new Bilingual(design.getNameZh(), design.getNameEn())));
        }
        return List.copyOf(flows.values());
    }

    /** The caller's proxies that have not ended. */
    public List<Delegation> mine() {
        return em.createNamedQuery(Delegation.OF_PERSON, Delegation.class).setParameter("person", directory.me().getId())
                .setParameter("today", clock.today()).getResultList();
    }

    /**
     * Names a deputy for the caller from {@code firstDay} to {@code lastDay}, for the given design codes (none: all).
     *
     * @throws DomainException {@code flow.unknownPerson}, {@code flow.notYourself}, {@code flow.delegation.badPeriod},
     *                         {@code flow.core.notParticipant}
     */
    public Delegation delegate(String deputyLogin, LocalDate firstDay, LocalDate lastDay, List<String> designCodes) {
        Person me = directory.me();
        Person deputy = FlowDirectory.activePerson(em, deputyLogin);
        if (firstDay != null && firstDay.isBefore(clock.today())) {
            throw new DomainException("flow.delegation.badPeriod");
        }
        for (String code : designCodes) {
            if (em.createNamedQuery(FlowDesign.LATEST, Integer.class).setParameter("code", code).getSingleResult() == null) {
                throw new DomainException("flow.noSuchDesign");
            }
            // a proxy for a core flow by name must name a deputy on its list (O1.4); a proxy for all flows simply
            // does not pass on core flows' to-dos to a deputy who is not (FlowDirectory.deputy)
            em.createNamedQuery(FlowDesign.PUBLISHED_OF_CODE, FlowDesign.class).setParameter("code", code)
                    .getResultStream().findFirst().ifPresent(d -> FlowDirectory.requireParticipant(em, d, deputy));
        }
        Delegation delegation = new Delegation(me, deputy, firstDay, lastDay, designCodes, clock.now());
        em.persist(delegation);
        audit.record(AuditEvent.FLOW_DELEGATION, AuditOutcome.SUCCESS, me.getLogin(), null,
                me.getLogin() + " -> " + deputy.getLogin() + " " + firstDay + ".." + lastDay
                        + (designCodes.isEmpty() ? "" : " " + designCodes));
        return delegation;
    }

    /** Ends one of the caller's proxies now. */
    public void cancel(long delegationId) {
        Delegation delegation = em.find(Delegation.class, delegationId);
        Person me = directory.me();
        if (delegation == null || !delegation.getPerson().getId().equals(me.getId())) {
            throw new EJBAccessException(me.getLogin() + " may not end proxy " + delegationId);
        }
        delegation.cancel(clock.now());
        audit.record(AuditEvent.FLOW_DELEGATION, AuditOutcome.SUCCESS, me.getLogin(), null,
                "ended " + me.getLogin() + " -> " + delegation.getDeputy().getLogin());
    }
}
