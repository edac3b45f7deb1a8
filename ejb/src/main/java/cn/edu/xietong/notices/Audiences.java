package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.directory.UnitScope;
import cn.edu.xietong.shared.Bilingual;
import jakarta.persistence.EntityManager;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who an item's audience is (B4): one rule for "may this person read it" and "who should have read it". */
final class Audiences {

    private Audiences() {
    }

    /** Whether the person is in the item's audience (its writer always is). */
    static boolean includes(EntityManager em, Notice notice, Person person) {
        if (notice.isBy(person)) {
            return true;
        }
        for (Audience a : notice.getAudience()) {
            boolean in = switch (a.getTarget()) {
                case SCHOOL -> true;
                case UNIT -> {
                    Unit unit = em.find(Unit.class, a.getTargetId());
                    yield unit != null && UnitScope.unitAndBelow(em, unit).contains(person.getUnit().getId());
                }
                case ROLE -> person.hasRole(a.getRole());
                case PERSON -> a.getTargetId().equals(person.getId());
            };
            if (in) {
                return true;
            }
        }
        return false;
    }

    /** Every active person of the audience, by name. */
    static List<Person> members(EntityManager em, Notice notice) {
        Map<Long, Person> people = new LinkedHashMap<>();
        for (Audience a : notice.getAudience()) {
            List<Person> found = switch (a.getTarget()) {
                case SCHOOL -> em.createNamedQuery(Person.ACTIVE, Person.class).getResultList();
                case UNIT -> {
                    Unit unit = em.find(Unit.class, a.getTargetId());
                    yield unit == null ? List.of() : em.createNamedQuery(Person.IN_UNITS, Person.class)
                            .setParameter("units", UnitScope.unitAndBelow(em, unit)).getResultList();
                }
                case ROLE -> em.createNamedQuery(Person.BY_ROLE, Person.class).setParameter("role", a.getRole())
                        .getResultStream().filter(Person::isActive).toList();
                case PERSON -> {
                    Person p = em.find(Person.class, a.getTargetId());
                    yield p == null || !p.isActive() ? List.of() : List.of(p);
                }
            };
            found.forEach(p -> people.putIfAbsent(p.getId(), p));
        }
        return people.values().stream()
                .sorted(java.util.Comparator.comparing(Person::getFullName).thenComparing(Person::getLogin)).toList();
    }

    /** The audience as a page words it: units and people by name. */
    static List<AudienceLine> describe(EntityManager em, List<Audience> audience) {
        return audience.stream().map(a -> switch (a.getTarget()) {
            case SCHOOL -> new AudienceLine(AudienceTarget.SCHOOL, null, null, null, null);
            case ROLE -> new AudienceLine(AudienceTarget.ROLE, null, a.getRole(), null, null);
            case UNIT -> {
                Unit unit = em.find(Unit.class, a.getTargetId());
                yield new AudienceLine(AudienceTarget.UNIT, a.getTargetId(), null, unit == null ? null
                        : new Bilingual(unit.getNameZh(), unit.getNameEn()), null);
            }
            case PERSON -> {
                Person person = em.find(Person.class, a.getTargetId());
                yield new AudienceLine(AudienceTarget.PERSON, a.getTargetId(), null, person == null ? null
                        : new Bilingual(person.getFullName(), person.getFullName()),
                        person == null ? null : person.getLogin());
            }
        }).toList();
    }
}
