package cn.edu.xietong.flow;

import cn.edu.xietong.calendar.WorkingCalendar;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.design.CoreParticipant;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerResolver;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.HandlerType;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.form.References;
import cn.edu.xietong.flow.instance.Delegation;
import cn.edu.xietong.flow.instance.FlowContext;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.Staffing;
import cn.edu.xietong.flow.instance.WorkingDeadlines;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.DomainException;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The directory as the flow engine sees it: who a handler rule names (O1.3), who may take part in a core flow
 * (O1.4), who acts for whom under a proxy, and whether the people, units and files a form names exist. Built per call
 * over the caller's entity manager; holds no state of its own.
 */
public final class FlowDirectory implements Staffing, HandlerResolver, References {

    private final EntityManager em;
    private final FlowDesign design;
    private final Set<String> usableFiles;

    /** @param design the design whose core-flow list limits the candidates; null for none */
    public FlowDirectory(EntityManager em, FlowDesign design) {
        this(em, design, Set.of());
    }

    private FlowDirectory(EntityManager em, FlowDesign design, Set<String> usableFiles) {
        this.em = em;
        this.design = design;
        this.usableFiles = usableFiles;
    }

    /** This directory, for a form whose attachment fields may name these file uids (and no others). */
    public FlowDirectory withFiles(Set<String> usable) {
        return new FlowDirectory(em, design, Set.copyOf(usable));
    }

    /** Answers within one transaction, by rule and initiator: a submission asks about the same nodes twice. */
    private final Map<String, List<Person>> answered = new HashMap<>();

    @Override
    public List<Person> candidates(HandlerRule rule, Person initiator) {
        return candidates(rule, initiator, FormValues.empty());
    }

    @Override
    public List<Person> candidates(HandlerRule rule, Person initiator, FormValues values) {
        String fieldUnit = rule.type() == HandlerType.FIELD_UNIT_ROLE && rule.field() != null
                ? values.text(rule.field()).orElse("") : "";
        return answered.computeIfAbsent(rule + "|" + (initiator == null ? "" : initiator.getLogin()) + "|"
                + fieldUnit, k -> lookUp(rule, initiator, fieldUnit));
    }

    private List<Person> lookUp(HandlerRule rule, Person initiator, String fieldUnit) {
        List<Person> found = switch (rule.type()) {
            case PERSON, INITIATOR_CHOICE -> rule.logins().stream().map(l -> Person.byLogin(em, l))
                    .flatMap(Optional::stream).filter(Person::isActive).toList();
            case SCHOOL_LEADER -> holders(Role.SCHOOL_LEADER).stream().sorted(Comparator.comparing(Person::getLogin))
                    .toList();
            case INITIATOR_UNIT_ROLE -> initiator == null || rule.role() == null ? List.of()
                    : nearestHolders(rule.role(), initiator.getUnit());
            case UNIT_ROLE -> rule.role() == null || rule.unitCode() == null ? List.of()
                    : unit(rule.unitCode()).map(u -> nearestHolders(rule.role(), u)).orElse(List.of());
            case FIELD_UNIT_ROLE -> rule.role() == null || fieldUnit.isEmpty() ? List.of()
                    : unit(fieldUnit).map(u -> nearestHolders(rule.role(), u)).orElse(List.of());
        };
        if (design != null && design.isCore()) {
            Set<String> allowed = participants(design.getCode());
            return found.stream().filter(p -> allowed.contains(p.getLogin())).toList();
        }
        return found;
    }

    @Override
    public List<Person> candidates(NodeSpec node, Person initiator) {
        return candidates(node.handler(), initiator);
    }

    @Override
    public List<Person> candidates(NodeSpec node, Person initiator, FormValues values) {
        return candidates(node.handler(), initiator, values);
    }

    /** Holders of a unit role for the unit itself, or failing that for the nearest unit above it. */
    private List<Person> nearestHolders(Role role, Unit unit) {
        List<Person> holders = holders(role);
        for (Unit u = unit; u != null; u = u.getParent()) {
            Unit scope = u;
            List<Person> here = holders.stream().filter(p -> p.getRoles().stream().anyMatch(g -> g.getRole() == role
                    && g.getScope() != null && g.getScope().getId().equals(scope.getId())))
                    .sorted(Comparator.comparing(Person::getLogin)).toList();
            if (!here.isEmpty()) {
                return here;
            }
        }
        return List.of();
    }

    /** The nearest unit leader of the person's unit or a unit above it, other than the person (B2: escalation). */
    public Optional<Person> leaderOf(Person person) {
        List<Person> leaders = holders(Role.UNIT_LEADER);
        for (Unit u = person.getUnit(); u != null; u = u.getParent()) {
            Unit scope = u;
            Optional<Person> found = leaders.stream().filter(p -> !p.getLogin().equals(person.getLogin()))
                    .filter(p -> p.getRoles().stream().anyMatch(g -> g.getRole() == Role.UNIT_LEADER
                            && g.getScope() != null && g.getScope().getId().equals(scope.getId())))
                    .min(Comparator.comparing(Person::getLogin));
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private List<Person> holders(Role role) {
        return em.createNamedQuery(Person.BY_ROLE, Person.class).setParameter("role", role).getResultStream()
                .filter(Person::isActive).toList();
    }

    private Optional<Unit> unit(String code) {
        return em.createNamedQuery(Unit.BY_CODE, Unit.class).setParameter("code", code).getResultStream().findFirst();
    }

    /** The logins the supervisor lets take part in a core flow. */
    public Set<String> participants(String designCode) {
        return em.createNamedQuery(CoreParticipant.OF_CODE, CoreParticipant.class).setParameter("code", designCode)
                .getResultStream().map(c -> c.getPerson().getLogin()).collect(Collectors.toSet());
    }

    /**
     * The deputy who takes the handler's to-dos of this design now, if any. A core flow's list binds deputies too
     * (O1.4): a deputy not on it does not get the to-do, which stays with the handler.
     */
    @Override
    public Optional<Person> deputy(Person handler, FlowDesign of, Instant at) {
        LocalDate today = LocalDate.ofInstant(at, Campus.zone());
        Set<String> listed = of.isCore() ? participants(of.getCode()) : null;
        return em.createNamedQuery(Delegation.IN_FORCE, Delegation.class).setParameter("person", handler.getId())
                .setParameter("today", today).getResultStream().filter(d -> d.covers(of.getCode(), today))
                .map(Delegation::getDeputy).filter(Person::isActive)
                .filter(d -> listed == null || listed.contains(d.getLogin())).findFirst();
    }

    /**
     * Refuses a person as the receiver of a to-do of a core flow (by transfer, as an added approver, as a deputy)
     * unless they are on its list (O1.4); other flows take anyone.
     *
     * @throws DomainException {@code flow.core.notParticipant}
     */
    public static void requireParticipant(EntityManager em, FlowDesign design, Person receiver) {
        if (design.isCore() && !new FlowDirectory(em, design).participants(design.getCode())
                .contains(receiver.getLogin())) {
            throw new DomainException("flow.core.notParticipant", receiver.getLogin());
        }
    }

    /**
     * The active person with this login name.
     *
     * @throws DomainException {@code flow.unknownPerson}
     */
    public static Person activePerson(EntityManager em, String login) {
        return Person.byLogin(em, login == null ? "" : login.strip()).filter(Person::isActive)
                .orElseThrow(() -> new DomainException("flow.unknownPerson", String.valueOf(login)));
    }

    /** What one transition of {@code instance} needs: the time, this directory for its design, the deadlines. */
    public static FlowContext contextFor(EntityManager em, FlowInstance instance, Instant now,
                                         WorkingCalendar calendar) {
        return new FlowContext(now, new FlowDirectory(em, instance.getDesign()), new WorkingDeadlines(calendar));
    }

    @Override
    public boolean personExists(String login) {
        return Person.byLogin(em, login).filter(Person::isActive).isPresent();
    }

    @Override
    public boolean unitExists(String code) {
        return unit(code).isPresent();
    }

    @Override
    public boolean attachmentExists(String id) {
        return usableFiles.contains(id);
    }
}
