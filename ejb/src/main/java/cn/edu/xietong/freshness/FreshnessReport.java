package cn.edu.xietong.freshness;

import cn.edu.xietong.directory.Module;
import cn.edu.xietong.notices.UnitLine;

import java.io.Serializable;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * How fresh each unit's content is (O1.6), for the supervising office: for each unit and module (notices split by
 * kind: 通知, 公告, 新闻; the unit's document library), the last update, how many items it published in each of the last
 * months, how many are showing now and how many of those are past their review date — a notice published longer ago
 * than its category's review period, an archived document whose retention period has run out. A unit entitled to
 * publish that never did is listed too, with no last update.
 *
 * @param months the months counted, the oldest first
 * @param totals items published in each month, school-wide
 */
public record FreshnessReport(Instant at, List<YearMonth> months, List<Row> rows, List<Integer> totals)
        implements Serializable {

    /**
     * One unit and module.
     *
     * @param kind the kind of notice ({@code NOTICE}, {@code ANNOUNCEMENT}, {@code NEWS}); {@code DOCUMENTS} for the
     *             library
     */
    public record Row(UnitLine unit, Module module, String kind, Instant lastPublished, List<Integer> perMonth,
                      int showing, int pastReview) implements Serializable {

        /** Items published over the months counted. */
        public int published() {
            return perMonth.stream().mapToInt(Integer::intValue).sum();
        }
    }

    /** The most items published in one month, to scale a chart. */
    public int peak() {
        return totals.stream().mapToInt(Integer::intValue).max().orElse(0);
    }

    /** A month's bar height in percent of the peak (0 when nothing was published at all). */
    public int percentOfPeak(int index) {
        int peak = peak();
        return peak == 0 ? 0 : Math.round(100f * totals.get(index) / peak);
    }

    /** Items past their review date, school-wide. */
    public int pastReview() {
        return rows.stream().mapToInt(Row::pastReview).sum();
    }
}
