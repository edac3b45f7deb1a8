package cn.edu.xietong.freshness;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.documents.DocumentState;
import cn.edu.xietong.notices.NoticeState;
import cn.edu.xietong.notices.NoticeVersion;
import cn.edu.xietong.notices.UnitLine;
import cn.edu.xietong.shared.Campus;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.time.Duration;
import java.time.Instant;
import java.time.Period;
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
 * The content-freshness board (O1.6): the supervising office sees, per unit and module, the last update, items
 * published per month over the last twelve months, items showing now and those past their review date. Read with a
 * few grouped queries per module, whatever the number of items.
 */
@Stateless
@RolesAllowed({"SUPERVISOR", "SYS_ADMIN"})
public class ContentFreshness {

    /** The months the board counts. */
    public static final int MONTHS = 12;

    /** The kind a library's row carries. */
    public static final String DOCUMENTS = "DOCUMENTS";

    private static final List<NoticeVersion.State> PUBLISHED = List.of(NoticeVersion.State.APPROVED,
            NoticeVersion.State.SUPERSEDED);

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
        Tallies tallies = new Tallies(months, zone);

        // notices: units entitled to publish are listed even when they never did
        for (Object[] r : em.createQuery("select distinct r.unit.id, r.category.kind from PublishingRight r",
                Object[].class).getResultList()) {
            tallies.of((Long) r[0], Module.NOTICES, r[1].toString());
        }
        for (Object[] r : em.createQuery("select n.unit.id, n.category.kind, max(v.decidedAt) from NoticeVersion v"
                + " join v.notice n where v.state in :published group by n.unit.id, n.category.kind", Object[].class)
                .setParameter("published", PUBLISHED).getResultList()) {
            tallies.of((Long) r[0], Module.NOTICES, r[1].toString()).last((Instant) r[2]);
        }
        for (Object[] r : em.createQuery("select n.unit.id, n.category.kind, v.decidedAt from NoticeVersion v"
                        + " join v.notice n where v.state in :published and v.decidedAt >= :from", Object[].class)
                .setParameter("published", PUBLISHED).setParameter("from", from).getResultList()) {
            tallies.published((Long) r[0], Module.NOTICES, r[1].toString(), (Instant) r[2]);
        }
        for (Object[] r : em.createQuery("select n.unit.id, n.category.kind, n.publishedAt, n.category.reviewDays,"
                        + " n.publishAt, n.expireAt from Notice n where n.state = :published", Object[].class)
                .setParameter("published", NoticeState.PUBLISHED).getResultList()) {
            Instant publishAt = (Instant) r[4];
            Instant expireAt = (Instant) r[5];
            if (publishAt != null && publishAt.isAfter(now) || expireAt != null && !expireAt.isAfter(now)) {
                continue;
            }
            Instant published = (Instant) r[2];
            tallies.of((Long) r[0], Module.NOTICES, r[1].toString()).showing(published != null
                    && published.plus(Duration.ofDays((Integer) r[3])).isBefore(now));
        }

        // document libraries: a document counts for its owning department, else for its library's unit
        String unitOf = "coalesce(o.id, lu.id)";
        String unitJoins = " left join d.ownerUnit o join d.library l left join l.unit lu";
        for (Object[] r : em.createQuery("select " + unitOf + ", max(v.createdAt) from DocumentVersion v"
                + " join v.document d" + unitJoins + " where " + unitOf + " is not null group by " + unitOf,
                Object[].class).getResultList()) {
            tallies.of((Long) r[0], Module.DOCUMENTS, DOCUMENTS).last((Instant) r[1]);
        }
        for (Object[] r : em.createQuery("select " + unitOf + ", v.createdAt from DocumentVersion v join v.document d"
                + unitJoins + " where " + unitOf + " is not null and v.createdAt >= :from", Object[].class)
                .setParameter("from", from).getResultList()) {
            tallies.published((Long) r[0], Module.DOCUMENTS, DOCUMENTS, (Instant) r[1]);
        }
        for (Object[] r : em.createQuery("select " + unitOf + ", d.state, d.archivedAt, d.retentionYears"
                        + " from Document d" + unitJoins + " where " + unitOf + " is not null and d.state <> :binned",
                        Object[].class)
                .setParameter("binned", DocumentState.BINNED).getResultList()) {
            Instant archived = (Instant) r[2];
            boolean retentionOver = r[1] == DocumentState.ARCHIVED && archived != null && r[3] != null
                    && archived.atZone(zone).plus(Period.ofYears((Integer) r[3])).toInstant().isBefore(now);
            tallies.of((Long) r[0], Module.DOCUMENTS, DOCUMENTS).showing(retentionOver);
        }

        Map<Long, UnitLine> units = new LinkedHashMap<>();
        em.createNamedQuery(Unit.ALL, Unit.class).getResultList().forEach(u -> units.put(u.getId(), UnitLine.of(u)));
        List<FreshnessReport.Row> rows = new ArrayList<>();
        tallies.byKey.forEach((key, t) -> {
            UnitLine unit = units.get(key.unitId());
            if (unit != null) {
                rows.add(new FreshnessReport.Row(unit, key.module(), key.kind(), t.last,
                        Arrays.stream(t.perMonth).boxed().toList(), t.showing, t.pastReview));
            }
        });
        rows.sort(Comparator.comparing((FreshnessReport.Row r) -> r.unit().code()).thenComparing(r -> r.module())
                .thenComparing(r -> r.kind()));
        return new FreshnessReport(now, months, rows, Arrays.stream(tallies.totals).boxed().toList());
    }

    private record Key(long unitId, Module module, String kind) {
    }

    private static final class Tallies {
        private final Map<Key, Tally> byKey = new LinkedHashMap<>();
        private final List<YearMonth> months;
        private final ZoneId zone;
        private final int[] totals = new int[MONTHS];

        Tallies(List<YearMonth> months, ZoneId zone) {
            this.months = months;
            this.zone = zone;
        }

        Tally of(long unitId, Module module, String kind) {
            return byKey.computeIfAbsent(new Key(unitId, module, kind), k -> new Tally());
        }

        void published(long unitId, Module module, String kind, Instant at) {
            int month = months.indexOf(YearMonth.from(at.atZone(zone)));
            if (month >= 0) {
                of(unitId, module, kind).perMonth[month]++;
                totals[month]++;
            }
        }
    }

    private static final class Tally {
        private Instant last;
        private final int[] perMonth = new int[MONTHS];
        private int showing;
        private int pastReview;

        Tally last(Instant at) {
            if (at != null && (last == null || at.isAfter(last))) {
                last = at;
            }
            return this;
        }

        void showing(boolean pastReview) {
            showing++;
            if (pastReview) {
                this.pastReview++;
            }
        }
    }
}
