package cn.edu.xietong.search;

import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.DomainException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.lucene.search.Query;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Full-text search for staff (B4, O3.5) over everything they may read: the kinds their unit uses, filtered in the
 * query by the tokens the directory gives them (so nothing else is counted), each hit of the page checked once more by
 * its source against the database; a hit that fails is not shown, is counted as stale and is journaled to be read
 * again. The words typed are analysed, never parsed as query syntax; empty or overlong input is refused with a
 * message key.
 */
@Stateless
@RolesAllowed("STAFF")
public class Search {

    /** Hits per page. */
    public static final int PAGE = 10;
    /** The deepest page answered. */
    public static final int MAX_PAGE = 50;

    @EJB
    private SearchIndex index;

    @EJB
    private Directory directory;

    @Inject
    private SearchJournal journal;

    @Inject
    @Any
    private Instance<SearchSource> sources;

    /** The kinds the caller may search, in a stable order. */
    public List<String> kinds() {
        Person me = directory.me();
        Set<String> kinds = new TreeSet<>();
        sources.forEach(s -> {
            if (s.openTo(me)) {
                kinds.add(s.kind());
            }
        });
        return List.copyOf(kinds);
    }

    /** A page (from 0) of hits for {@code input}, of one kind or (null) all the caller may search. */
    public SearchResults search(String input, String kind, int page) {
        String text = input == null ? "" : input.strip();
        if (text.isEmpty()) {
            throw new DomainException("search.empty");
        }
        if (text.length() > SearchText.MAX_QUERY) {
            throw new DomainException("search.tooLong", SearchText.MAX_QUERY);
        }
        Person me = directory.me();
        Map<String, SearchSource> open = new LinkedHashMap<>();
        sources.forEach(s -> {
            if (s.openTo(me) && (kind == null || kind.isBlank() || kind.equals(s.kind()))) {
                open.put(s.kind(), s);
            }
        });
        if (index.state() != SearchIndex.State.READY) {
            return SearchResults.beingBuilt();
        }
        Query query = index.query(text).orElseThrow(() -> new DomainException("search.noWords"));
        int p = Math.max(0, Math.min(page, MAX_PAGE));
        Optional<LuceneIndex.Page> found = index.search(query, AccessTokens.of(me), open.keySet(), p * PAGE, PAGE);
        if (found.isEmpty()) {
            return SearchResults.beingBuilt();
        }
        List<SearchHit> hits = new ArrayList<>();
        int stale = 0;
        for (LuceneIndex.Hit h : found.get().hits()) {
            if (open.get(h.kind()).readableBy(h.id(), me)) {
                hits.add(new SearchHit(h.kind(), h.id(), h.titleHtml(), h.snippetHtml(), h.date(), h.link()));
            } else {
                stale++;
                journal.changed(h.kind(), h.id());
            }
        }
        return new SearchResults(false, found.get().total() - stale, found.get().perKind(), hits, stale, p, PAGE);
    }
}
