package cn.edu.xietong.directory;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.shared.DisplayText;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The unit structure (O3.1): units and sub-offices, posts (职务) and who holds them, including concurrent posts (兼职)
 * in other units. The system administrator may change any unit, create top-level units and move units; a unit's IT
 * staff may rename their unit and its sub-offices, create sub-offices below it, and keep its posts and appointments.
 * Rights are checked here, on the server, for the unit concerned. Every change is kept in the unit's history (and,
 * for appointments, the person's) and in the audit trail.
 */
@Stateless
@RolesAllowed("STAFF")
public class Organisation {

    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    @EJB
    private OfficeClock clock;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private AuditTrail audit;

    @Resource
    private SessionContext context;

    /** The posts of a unit. */
    public List<Post> posts(long unitId) {
        return em.createNamedQuery(Post.OF_UNIT, Post.class).setParameter("unit", unitId).getResultList();
    }

    /** Who holds the unit's posts (people of other units too: their concurrent posts). */
    public List<Appointment> appointments(long unitId) {
        return em.createNamedQuery(Appointment.IN_UNIT, Appointment.class).setParameter("unit", unitId).getResultList();
    }

    /** The posts a person holds, in their own unit and elsewhere. */
    public List<Appointment> appointmentsOf(String login) {
        return person(login).map(p -> em.createNamedQuery(Appointment.OF_PERSON, Appointment.class)
                .setParameter("person", p.getId()).getResultList()).orElse(List.of());
    }

    /** The unit's history, newest first. */
    public List<UnitChange> history(long unitId) {
        return em.createNamedQuery(UnitChange.OF_UNIT, UnitChange.class).setParameter("unit", unitId).getResultList();
    }

    /** Whether the caller may change this unit (for pages to offer the forms; the methods check again). */
    public boolean mayMaintain(long unitId) {
        Unit unit = em.find(Unit.class, unitId);
        return unit != null && maintains(unit);
    }

    /**
     * Creates a unit: a top-level unit (system administrator only) or a sub-office below {@code parentId}, which takes
     * the kind of its parent.
     *
     * @throws InvalidInputException {@code unit.code}, {@code unit.codeTaken}, {@code unit.nameZhInvalid}, {@code unit.nameEnInvalid},
     *                               {@code unit.kind}, {@code unit.unknown}
     */
    @RolesAllowed({"SYS_ADMIN", "UNIT_IT"})
    public Unit createUnit(String code, String nameZh, String nameEn, UnitKind kind, Long parentId) {
        Unit parent = parentId == null ? null : unit(parentId);
        if (parent == null ? !context.isCallerInRole(Role.SYS_ADMIN.name()) : !maintains(parent)) {
            throw new EJBAccessException("may not create a unit " + (parent == null ? "at the top" : "below " + parent));
        }
        List<String> problems = new ArrayList<>(names(nameZh, nameEn));
        String trimmed = code == null ? "" : code.strip();
        if (!CODE.matcher(trimmed).matches()) {
            problems.add("unit.code");
        } else if (!em.createQuery("select u from Unit u where u.code = :code", Unit.class)
                .setParameter("code", trimmed).getResultList().isEmpty()) {
            problems.add("unit.codeTaken");
        }
        UnitKind effectiveKind = parent != null ? parent.getKind() : kind;
        if (effectiveKind == null) {
            problems.add("unit.kind");
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        Unit unit = new Unit(trimmed, nameZh, nameEn, effectiveKind);
        if (parent != null) {
            unit.placeUnder(parent);
        }
        em.persist(unit);
        changed(unit, UnitChange.Kind.CREATE, null, unit.getCode() + " " + unit.getNameZh()
                + (parent == null ? "" : " < " + parent.getCode()));
        return unit;
    }

    /** @throws InvalidInputException {@code unit.nameZhInvalid}, {@code unit.nameEnInvalid}, {@code unit.unknown} */
    @RolesAllowed({"SYS_ADMIN", "UNIT_IT"})
    public void rename(long unitId, String nameZh, String nameEn) {
        Unit unit = maintained(unitId);
        List<String> problems = names(nameZh, nameEn);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        String before = unit.getNameZh() + " / " + unit.getNameEn();
        unit.rename(nameZh, nameEn);
        changed(unit, UnitChange.Kind.RENAME, before, unit.getNameZh() + " / " + unit.getNameEn());
    }

    /**
     * Places a unit below another (or at the top, for {@code null}); the system administrator's alone.
     *
     * @throws InvalidInputException {@code unit.unknown}, {@code unit.cycle}
     */
    @RolesAllowed("SYS_ADMIN")
    public void move(long unitId, Long newParentId) {
        Unit unit = unit(unitId);
        Unit parent = newParentId == null ? null : unit(newParentId);
        String before = unit.getParent() == null ? "-" : unit.getParent().getCode();
        try {
            unit.placeUnder(parent);
        } catch (IllegalArgumentException cycle) {
            throw new InvalidInputException(List.of("unit.cycle"));
        }
        changed(unit, UnitChange.Kind.MOVE, before, parent == null ? "-" : parent.getCode());
    }

    /** @throws InvalidInputException {@code post.name}, {@code post.taken}, {@code unit.unknown} */
    @RolesAllowed({"SYS_ADMIN", "UNIT_IT"})
    public Post addPost(long unitId, String name) {
        Unit unit = maintained(unitId);
        String clean = DisplayText.name(name, Post.MAX_NAME)
                .orElseThrow(() -> new InvalidInputException(List.of("post.name")));
        if (posts(unitId).stream().anyMatch(p -> p.getName().equals(clean))) {
            throw new InvalidInputException(List.of("post.taken"));
        }
        Post post = new Post(unit, name);
        em.persist(post);
        changed(unit, UnitChange.Kind.POST_ADD, null, post.getName());
        return post;
    }

    /** @throws InvalidInputException {@code post.unknown}, {@code post.held} while anyone holds it */
    @RolesAllowed({"SYS_ADMIN", "UNIT_IT"})
    public void removePost(long postId) {
        Post post = post(postId);
        requireMaintains(post.getUnit());
        if (em.createNamedQuery(Appointment.COUNT_OF_POST, Long.class).setParameter("post", postId)
                .getSingleResult() > 0) {
            throw new InvalidInputException(List.of("post.held"));
        }
        em.remove(post);
        changed(post.getUnit(), UnitChange.Kind.POST_REMOVE, post.getName(), null);
    }

    /**
     * Appoints a person to a post of a unit the caller maintains; the person may belong to another unit (a concurrent
     * post, 兼职).
     *
     * @throws InvalidInputException {@code post.unknown}, {@code account.unknown}, {@code post.alreadyHeld}
     */
    @RolesAllowed({"SYS_ADMIN", "UNIT_IT"})
    public Appointment appoint(String login, long postId) {
        Post post = post(postId);
        requireMaintains(post.getUnit());
        Person person = person(login).filter(Person::isActive)
                .orElseThrow(() -> new InvalidInputException(List.of("account.unknown")));
        if (appointmentsOf(person.getLogin()).stream().anyMatch(a -> a.getPost().getId().equals(postId))) {
            throw new InvalidInputException(List.of("post.alreadyHeld"));
        }
        Appointment appointment = new Appointment(person, post, clock.now());
        em.persist(appointment);
        String what = post.getName() + (appointment.isConcurrent() ? " (concurrent)" : "");
        changed(post.getUnit(), UnitChange.Kind.APPOINT, null, person.getLogin() + ": " + what);
        em.persist(new PersonChange(person, clock.now(), caller(), PersonChange.Kind.APPOINT, null,
                post.getUnit().getCode() + " " + what, null));
        return appointment;
    }

    /** @throws InvalidInputException {@code post.unknownAppointment} */
    @RolesAllowed({"SYS_ADMIN", "UNIT_IT"})
    public void dismiss(long appointmentId) {
        Appointment appointment = em.find(Appointment.class, appointmentId);
        if (appointment == null) {
            throw new InvalidInputException(List.of("post.unknownAppointment"));
        }
        Post post = appointment.getPost();
        requireMaintains(post.getUnit());
        em.remove(appointment);
        Person person = appointment.getPerson();
        changed(post.getUnit(), UnitChange.Kind.DISMISS, person.getLogin() + ": " + post.getName(), null);
        em.persist(new PersonChange(person, clock.now(), caller(), PersonChange.Kind.DISMISS,
                post.getUnit().getCode() + " " + post.getName(), null, null));
    }

    private static List<String> names(String nameZh, String nameEn) {
        List<String> problems = new ArrayList<>();
        if (DisplayText.name(nameZh, Unit.MAX_NAME_ZH).isEmpty()) {
            problems.add("unit.nameZhInvalid");
        }
        if (DisplayText.name(nameEn, Unit.MAX_NAME_EN).isEmpty()) {
            problems.add("unit.nameEnInvalid");
        }
        return problems;
    }

    /** The system administrator maintains every unit; a unit's IT staff their unit and what lies below it. */
    private boolean maintains(Unit unit) {
        if (context.isCallerInRole(Role.SYS_ADMIN.name())) {
            return true;
        }
        return context.isCallerInRole(Role.UNIT_IT.name())
                && person(caller()).map(p -> p.holdsFor(Role.UNIT_IT, unit)).orElse(false);
    }

    private void requireMaintains(Unit unit) {
        if (!maintains(unit)) {
            throw new EJBAccessException(caller() + " does not maintain " + unit);
        }
    }

    private Unit maintained(long unitId) {
        Unit unit = unit(unitId);
        requireMaintains(unit);
        return unit;
    }

    private Unit unit(long unitId) {
        Unit unit = em.find(Unit.class, unitId);
        if (unit == null) {
            throw new InvalidInputException(List.of("unit.unknown"));
        }
        return unit;
    }

    private Post post(long postId) {
        Post post = em.find(Post.class, postId);
        if (post == null) {
            throw new InvalidInputException(List.of("post.unknown"));
        }
        return post;
    }

    private java.util.Optional<Person> person(String login) {
        return Person.byLogin(em, login);
    }

    private void changed(Unit unit, UnitChange.Kind kind, String before, String after) {
        em.persist(new UnitChange(unit, clock.now(), caller(), kind, before, after));
        audit.record(AuditEvent.UNIT_CHANGE, AuditOutcome.SUCCESS, caller(), null,
                unit.getCode() + " " + kind + ": " + (before == null ? "" : before + " -> ") + (after == null ? "" : after));
    }

    private String caller() {
        return context.getCallerPrincipal().getName();
    }
}
