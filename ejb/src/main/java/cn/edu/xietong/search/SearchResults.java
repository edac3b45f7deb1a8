package cn.edu.xietong.search;

import java.util.List;
import java.util.Map;

/**
 * A page of what a person found (B4): how many hits they may read in all and per kind (counted after the rights
 * filter), the hits of the page, and how many hits of the page were dropped because the index was behind the database
 * (stale: they are read again). While this server's index is being built, {@code building} is true and nothing else is
 * said.
 */
public record SearchResults(boolean building, long total, Map<String, Long> perKind, List<SearchHit> hits, int stale,
                            int page, int pageSize) {

    static SearchResults beingBuilt() {
        return new SearchResults(true, 0, Map.of(), List.of(), 0, 0, Search.PAGE);
    }

    /** How many pages the hits fill. */
    public int pages() {
        return (int) Math.max(1, (total + pageSize - 1) / pageSize);
    }
}
