package cn.edu.xietong.security;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.PersonChange;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.Reason;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Recertification of unit members (O3.2): at the interval the security policy sets, each unit's IT staff confirm that
 * every member of their unit (sub-offices included) still belongs, or report those who no longer do. Members whose
 * confirmation is overdue, and reported leavers, are listed for the system administrator and the supervising office,
 * and show as a risk in the unit security check (O3.4). Every confirmation and report is kept in the person's history
 * and the audit trail (S5).
 */
@Stateless
public class Recertification {

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private AuditTrail audit;

    /**
     * One member as the review shows them: when last confirmed, when due, whether overdue, and the reason they were
     * reported as a leaver ({@code null} if they were not).
     */
    public record Review(Person person, Instant confirmedAt, Instant dueAt, boolean overdue, String leaverReason) {
    }

    /**
     * The active members of a unit the caller looks after, those due first.
     *
     * @throws EJBAccessException when the caller is not UNIT_IT of that unit or of a unit above it
     */
    @RolesAllowed("UNIT_IT")
    public List<Review> members(long unitId) {
        List<Long> units = UnitScope.unitAndBelow(em, unitInReach(unitId, directory.me()));
        PasswordPolicy policy = policy();
        Instant now = clock.now();
        Map<Long, MembershipReview> reviews = em.createNamedQuery(MembershipReview.IN_UNITS, MembershipReview.class)
                .setParameter("units", units).getResultStream()
                .collect(Collectors.toMap(r -> r.getPerson().getId(), r -> r));
        return em.createNamedQuery(Person.IN_UNITS, Person.class).setParameter("units", units).getResultStream()
                .map(p -> review(reviews.getOrDefault(p.getId(), new MembershipReview(p)), policy, now))
                .sorted((a, b) -> a.dueAt().compareTo(b.dueAt()))
                .toList();
    }

    /**
     * Confirms that the given members still belong. All or nothing: if one of them is not an active member of the unit
     * (or its sub-offices), nobody is confirmed.
     *
     * @throws InvalidInputException {@code recert.nothingChosen}, {@code recert.notMember}
     * @throws EJBAccessException when the caller is not UNIT_IT of that unit or of a unit above it
     */
    @RolesAllowed("UNIT_IT")
    public int confirm(long unitId, List<String> logins) {
        Person me = directory.me();
        List<Person> members = membersNamed(unitId, logins, me);
        String caller = me.getLogin();
        Instant now = clock.now();
        for (Person p : members) {
            MembershipReview review = MembershipReview.forChange(em, p);
            String before = review.getConfirmedAt() == null ? "never" : review.getConfirmedAt().toString();
            review.confirmMembership(now, caller);
            em.persist(new PersonChange(p, now, caller, PersonChange.Kind.RECERTIFIED, before, now.toString(), null));
        }
        audit.record(AuditEvent.ACCOUNT_RECERTIFY, AuditOutcome.SUCCESS, caller, null,
                members.size() + " confirmed: " + String.join(", ", members.stream().map(Person::getLogin).toList()));
        return members.size();
    }

    /**
     * Reports that a member no longer belongs to the unit, with the reason, for the system administrator to
     * deactivate or move them. Confirming them again withdraws the report.
     *
     * @throws InvalidInputException {@code recert.reasonRequired}, {@code recert.notMember}
     */
    @RolesAllowed("UNIT_IT")
    public void reportLeaver(long unitId, String login, @Reason(message = "recert.reasonRequired") String reason) {
        Person me = directory.me();
        Person person = membersNamed(unitId, List.of(login), me).get(0);
        String caller = me.getLogin();
        Instant now = clock.now();
        MembershipReview.forChange(em, person).reportLeaver(now, caller, reason);
        em.persist(new PersonChange(person, now, caller, PersonChange.Kind.LEAVER_REPORTED, person.getUnit().getCode(),
                null, reason.strip()));
        audit.record(AuditEvent.ACCOUNT_LEAVER_REPORT, AuditOutcome.SUCCESS, caller, null,
                person.getLogin() + " (" + reason.strip() + ")");
    }

    /** Members whose confirmation is overdue, across the university, for the administrator and supervisors. */
    @RolesAllowed({"SYS_ADMIN", "SUPERVISOR"})
    public List<Review> overdue() {
        PasswordPolicy policy = policy();
        Instant now = clock.now();
        Instant since = now.minus(java.time.Duration.ofDays(policy.getRecertificationDays()));
        List<MembershipReview> due = new ArrayList<>(em.createNamedQuery(MembershipReview.CONFIRMED_BEFORE,
                MembershipReview.class).setParameter("since", since).getResultList());
        Set<Long> reviewed = new HashSet<>(em.createNamedQuery(MembershipReview.REVIEWED, Long.class).getResultList());
        em.createNamedQuery(MembershipReview.CREATED_BEFORE, Person.class).setParameter("since", since)
                .getResultStream().filter(p -> !reviewed.contains(p.getId())).map(MembershipReview::new)
                .forEach(due::add);
        return due.stream().map(r -> review(r, policy, now))
                .sorted(Comparator.comparing((Review r) -> r.person().getUnit().getCode())
                        .thenComparing(r -> r.person().getFullName()).thenComparing(r -> r.person().getLogin()))
                .toList();
    }

    /** Members reported as no longer belonging, oldest report first. */
    @RolesAllowed({"SYS_ADMIN", "SUPERVISOR"})
    public List<MembershipReview> reportedLeavers() {
        return em.createNamedQuery(MembershipReview.LEAVERS_REPORTED, MembershipReview.class).getResultList();
    }

    private static Review review(MembershipReview r, PasswordPolicy policy, Instant now) {
        Instant due = policy.recertificationDue(r);
        return new Review(r.getPerson(), r.getConfirmedAt(), due, !now.isBefore(due), r.getLeaverReason());
    }

    private List<Person> membersNamed(long unitId, List<String> logins, Person caller) {
        if (logins == null || logins.isEmpty()) {
            throw new InvalidInputException(List.of("recert.nothingChosen"));
        }
        List<Long> units = UnitScope.unitAndBelow(em, unitInReach(unitId, caller));
        List<Person> found = new ArrayList<>();
        for (String login : logins) {
            Person p = Person.byLogin(em, login)
                    .filter(Person::isActive).filter(x -> units.contains(x.getUnit().getId()))
                    .orElseThrow(() -> new InvalidInputException(List.of("recert.notMember")));
            found.add(p);
        }
        return found;
    }

    private Unit unitInReach(long unitId, Person caller) {
        Unit unit = em.find(Unit.class, unitId);
        if (unit == null || !caller.holdsFor(Role.UNIT_IT, unit)) {
            throw new EJBAccessException("not UNIT_IT of unit " + unitId);
        }
        return unit;
    }

    private PasswordPolicy policy() {
        return em.find(PasswordPolicy.class, PasswordPolicy.ID);
    }
}
