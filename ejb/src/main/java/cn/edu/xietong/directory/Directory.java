package cn.edu.xietong.directory;

import cn.edu.xietong.shared.Like;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the directory (O3.1, A5): who the caller is, the unit tree, people by name, login name or unit. Every member
 * of staff may read it, as an address book; changes, imports and history come with the administration pages (#3).
 */
@Stateless
@RolesAllowed("STAFF")
public class Directory {

    @PersistenceContext
    private EntityManager em;

    @Resource
    private SessionContext context;

    /** The logged-in person, with their unit and roles. */
    public Person me() {
        String login = context.getCallerPrincipal().getName();
        return findByLogin(login).orElseThrow(() -> new EJBAccessException("no person for caller " + login));
    }

    /** The units as a tree (top-level units in kind and code order), each with its number of active members. */
    public List<UnitNode> unitTree() {
        List<Unit> units = em.createNamedQuery(Unit.ALL, Unit.class).getResultList();
        Map<Long, Long> members = new HashMap<>();
        for (Object[] row : em.createNamedQuery(Person.ACTIVE_PER_UNIT, Object[].class).getResultList()) {
            members.put((Long) row[0], (Long) row[1]);
        }
        Map<Long, List<Unit>> byParent = new HashMap<>();
        List<Unit> roots = new ArrayList<>();
        for (Unit unit : units) {
            if (unit.getParent() == null) {
                roots.add(unit);
            } else {
                byParent.computeIfAbsent(unit.getParent().getId(), k -> new ArrayList<>()).add(unit);
            }
        }
        return roots.stream().map(u -> node(u, byParent, members)).toList();
    }

    private static UnitNode node(Unit unit, Map<Long, List<Unit>> byParent, Map<Long, Long> members) {
        List<UnitNode> children = byParent.getOrDefault(unit.getId(), List.of()).stream()
                .map(c -> node(c, byParent, members)).toList();
        return new UnitNode(unit, members.getOrDefault(unit.getId(), 0L), children);
    }

    /** Every unit, each followed by its sub-units: the order of a unit choice list. */
    public List<Unit> unitsInTreeOrder() {
        List<Unit> units = new ArrayList<>();
        flatten(unitTree(), units);
        return units;
    }

    private static void flatten(List<UnitNode> nodes, List<Unit> into) {
        for (UnitNode node : nodes) {
            into.add(node.unit());
            flatten(node.children(), into);
        }
    }

    /**
     * People whose name, login name or the pinyin (initials or whole) of their name (王伟: ww, wangwei) contain {@code text} (case-insensitive; {@code %} and {@code _} are taken
     * literally), optionally only in one unit, active ones first, at most {@code max}.
     */
    public List<Person> search(String text, Long unitId, int max) {
        CriteriaBuilder cb = em.getCriteriaBuilder();
        CriteriaQuery<Person> query = cb.createQuery(Person.class);
        Root<Person> p = query.from(Person.class);
        List<Predicate> where = new ArrayList<>();
        if (text != null && !text.isBlank()) {
            String pattern = Like.containing(text);
            where.add(cb.or(cb.like(cb.lower(p.get("fullName")), pattern, '\\'),
                    cb.like(p.get("login"), pattern, '\\'),
                    cb.like(p.get("nameInitials"), pattern, '\\'),
                    cb.like(p.get("namePinyin"), pattern, '\\')));
        }
        if (unitId != null) {
            where.add(cb.equal(p.get("unit").get("id"), unitId));
        }
        query.where(where.toArray(Predicate[]::new))
                .orderBy(cb.desc(p.get("active")), cb.asc(p.get("fullName")), cb.asc(p.get("login")));
        return em.createQuery(query).setMaxResults(max).getResultList();
    }

    /** One unit by id. */
    public Optional<Unit> unit(long id) {
        return Optional.ofNullable(em.find(Unit.class, id));
    }

    /** One unit by code. */
    public Optional<Unit> unitByCode(String code) {
        return em.createNamedQuery(Unit.BY_CODE, Unit.class).setParameter("code", code).getResultStream().findFirst();
    }

    /** One person by login name. */
    public Optional<Person> person(String login) {
        return findByLogin(login);
    }

    Optional<Person> findByLogin(String login) {
        return Person.byLogin(em, login);
    }
}
