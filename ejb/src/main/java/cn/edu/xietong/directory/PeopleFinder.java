package cn.edu.xietong.directory;

import cn.edu.xietong.shared.Bilingual;
import cn.edu.xietong.shared.Like;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The one search behind every person picker (A5): any member of staff finds active colleagues by part of their name,
 * the pinyin initials or whole pinyin of it (王伟: "ww", "wangw"), or their login name, or lists a unit's members. The
 * pinyin keys are stored with each person ({@link Person#rename}), so a search is one named query with parameters;
 * {@code %} and {@code _} in the text are taken literally. Answers are {@link PersonCandidate} records, at most
 * {@link #MOST}.
 */
@Stateless
@RolesAllowed("STAFF")
public class PeopleFinder {

    /** The most candidates one search answers. */
    public static final int MOST = 50;

    @PersistenceContext
    private EntityManager em;

    /**
     * Active people matching {@code text} (name, pinyin initials, whole pinyin or login name, case-insensitive),
     * only in the unit {@code unitId} if given, by name; with no text, the unit's members. Neither: none.
     */
    public List<PersonCandidate> find(String text, Long unitId, int max) {
        boolean typed = text != null && !text.isBlank();
        if (!typed && unitId == null) {
            return List.of();
        }
        int limit = Math.max(1, Math.min(max, MOST));
        if (!typed) {
            return candidates(em.createNamedQuery(Person.IN_UNITS, Person.class).setParameter("units", List.of(unitId))
                    .setMaxResults(limit).getResultList());
        }
        String plain = text.strip().toLowerCase(Locale.ROOT);
        TypedQuery<Person> query = em.createNamedQuery(unitId == null ? Person.ACTIVE_MATCHING
                        : Person.ACTIVE_MATCHING_IN_UNIT, Person.class)
                .setParameter("text", Like.containing(plain))
                .setParameter("compact", Like.containing(plain.replaceAll("\\s+", "")));
        if (unitId != null) {
            query.setParameter("unit", unitId);
        }
        return candidates(query.setMaxResults(limit).getResultList());
    }

    /** The active person with this login name — the key a picker submits — or none (a forged key finds nobody). */
    public Optional<PersonCandidate> candidate(String login) {
        return Person.byLogin(em, login).filter(Person::isActive).map(p -> candidates(List.of(p)).get(0));
    }

    /**
     * Whom a text typed without choosing a candidate names: the person with exactly that login name, otherwise
     * every active person with exactly that name. More than one means the text is ambiguous: a picker then asks to
     * choose, never takes one of them.
     */
    public List<PersonCandidate> named(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        Optional<PersonCandidate> byLogin = candidate(typed);
        if (byLogin.isPresent()) {
            return List.of(byLogin.get());
        }
        return candidates(em.createNamedQuery(Person.ACTIVE_NAMED, Person.class).setParameter("name", typed.strip())
                .setMaxResults(MOST).getResultList());
    }

    /** The people as candidates, each with a post: one in their own unit if they hold one there. */
    public List<PersonCandidate> candidates(List<Person> people) {
        if (people.isEmpty()) {
            return List.of();
        }
        Map<Long, String> posts = new HashMap<>();
        Map<Long, Long> unitOf = new HashMap<>();
        Set<Long> ownUnitPost = new HashSet<>();
        people.forEach(p -> unitOf.put(p.getId(), p.getUnit().getId()));
        for (Object[] row : em.createNamedQuery(Appointment.POSTS_OF_PEOPLE, Object[].class)
                .setParameter("people", List.copyOf(unitOf.keySet())).getResultList()) {
            Long person = (Long) row[0];
            boolean inOwnUnit = row[2].equals(unitOf.get(person));
            if (inOwnUnit && !ownUnitPost.contains(person)) {
                ownUnitPost.add(person);
                posts.put(person, (String) row[1]);
            } else {
                posts.putIfAbsent(person, (String) row[1]);
            }
        }
        return people.stream().map(p -> new PersonCandidate(p.getLogin(), p.getFullName(),
                new Bilingual(p.getUnit().getNameZh(), p.getUnit().getNameEn()), posts.get(p.getId()))).toList();
    }
}
