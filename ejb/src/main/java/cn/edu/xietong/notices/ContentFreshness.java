package cn.edu.xietong.notices;

import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * The content-freshness board (O1.6): the supervising office sees, per unit and kind of item, the last publication,
 * items published per month over the last twelve months, and items showing past their review date. Read with a few
 * grouped queries, whatever the number of items.
 */
@Stateless
@RolesAllowed({"SUPERVISOR", "SYS_ADMIN"})
public class ContentFreshness {

    /** The months the board counts. */
    public static final int MONTHS = 12;

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    public FreshnessReport report() {
        Instant now = clock.now();
        ZoneId zone = Campus.zone();
        YearMonth last = YearMonth.from(now.atZone(zone));
        List<YearMonth> months = IntStream.range(0, MONTHS).mapToObj(i -> last.minusMonths(MONTHS - 1 - i)).toList();
        Instant from = months.get(0).atDay(1).atStartOfDay(zone).toInstant();

        Map<Key, Tally> tallies = new LinkedHashMap<>();
        // units entitled to publish are listed even when they never did
        for (Object[] r : em.createQuery("select distinct r.unit.id, r.category.kind from PublishingRight r",
                Object[].class).getResultList()) {
            tallies.computeIfAbsent(new Key((Long) r[0], (NoticeKind) r[1]), k -> new Tally());
        }
        for (Object[] r : em.createQuery("select n.unit.id, n.category.kind, max(v.decidedAt) from NoticeVersion v"
                + " join v.notice n where v.state in :published group by n.unit.id, n.category.kind", Object[].class)
                .setParameter("published", List.of(NoticeVersion.State.APPROVED, NoticeVersion.State.SUPERSEDED))
                .getResultList()) {
            tallies.computeIfAbsent(new Key((Long) r[0], (NoticeKind) r[1]), k -> new Tally()).last = (Instant) r[2];
        }
        int[] totals = new int[MONTHS];
        for (Object[] r : em.createQuery("select n.unit.id, n.category.kind, v.decidedAt from NoticeVersion v"
                        + " join v.notice n where v.state in :published and v.decidedAt >= :from", Object[].class)
                .setParameter("published", List.of(NoticeVersion.State.APPROVED, NoticeVersion.State.SUPERSEDED))
                .setParameter("from", from).getResultList()) {
            int month = months.indexOf(YearMonth.from(((Instant) r[2]).atZone(zone)));
            if (month >= 0) {
                tallies.computeIfAbsent(new Key((Long) r[0], (NoticeKind) r[1]), k -> new Tally()).perMonth[month]++;
                totals[month]++;
            }
        }
        for (Object[] r : em.createQuery("select n.unit.id, n.category.kind, n.publishedAt, n.category.reviewDays,"
                        + " n.publishAt, n.expireAt from Notice n where n.state = :published", Object[].class)
                .setParameter("published", NoticeState.PUBLISHED).getResultList()) {
            Instant publishAt = (Instant) r[4];
            Instant expireAt = (Instant) r[5];
            if (publishAt != null && publishAt.isAfter(now) || expireAt != null && !expireAt.isAfter(now)) {
                continue;
            }
            Tally t = tallies.computeIfAbsent(new Key((Long) r[0], (NoticeKind) r[1]), k -> new Tally());
            t.showing++;
            Instant published = (Instant) r[2];
            if (published != null && published.plus(Duration.ofDays((Integer) r[3])).isBefore(now)) {
                t.pastReview++;
            }
        }
        Map<Long, UnitLine> units = new LinkedHashMap<>();
        em.createNamedQuery(Unit.ALL, Unit.class).getResultList().forEach(u -> units.put(u.getId(), UnitLine.of(u)));
        List<FreshnessReport.Row> rows = new ArrayList<>();
        tallies.forEach((key, t) -> {
            UnitLine unit = units.get(key.unitId());
            if (unit != null) {
                rows.add(new FreshnessReport.Row(unit, key.kind(), t.last,
                        Arrays.stream(t.perMonth).boxed().toList(), t.showing, t.pastReview));
            }
        });
        rows.sort(Comparator.comparing((FreshnessReport.Row r) -> r.unit().code()).thenComparing(r -> r.kind()));
        return new FreshnessReport(now, months, rows, Arrays.stream(totals).boxed().toList());
    }

    private record Key(long unitId, NoticeKind kind) {
    }

    private static final class Tally {
        private Instant last;
        private final int[] perMonth = new int[MONTHS];
        private int showing;
        private int pastReview;
    }
}
