package cn.edu.xietong.search;

import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.ServerFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import org.apache.lucene.search.Query;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.locks.ReentrantLock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This server's search index (B4, O3.5), kept in its data directory ({@code xietong.search.dir} to put it elsewhere)
 * and kept current from the shared journal: every few seconds the changes written after the last one applied are read
 * and each changed item is read again from its {@link SearchSource} (replaced, or removed when it is no longer to be
 * found); the last change applied is committed with the index. Journal ids come one by one from the database but
 * transactions commit in any order, so each look reaches back {@link #MARGIN} ids and skips those already applied.
 *
 * <p>The index is rebuilt from the database, in the timer's thread, when it is missing, broken or of another schema,
 * when it is older than the journal keeps ({@link #RETENTION}), when the journal is behind it (a database restored
 * from a backup), or when an administrator asks; meanwhile searches answer that the index is being built.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionManagement(TransactionManagementType.BEAN)
@PermitAll
public class SearchIndex {

    /** How long the journal keeps its rows. */
    static final Duration RETENTION = Duration.ofDays(7);
    /** How far back in journal ids each look reaches (changes committed late). */
    static final int MARGIN = 200;
    /** The most journal rows applied in one look. */
    static final int BATCH = 2_000;
    /** Items read from the database per transaction in a rebuild. */
    static final int REBUILD_BATCH = 200;

    private static final Logger LOG = Logger.getLogger(SearchIndex.class.getName());

    /** Where the index stands. */
    public enum State { STARTING, BUILDING, READY, FAILED }

    @Inject
    @Any
    private Instance<SearchSource> sources;

    @PersistenceContext
    private EntityManager em;

    @Resource
    private UserTransaction tx;

    @EJB
    private OfficeClock clock;

    private final ReentrantLock writing = new ReentrantLock();
    private final TreeSet<Long> applied = new TreeSet<>();
    private volatile LuceneIndex index;
    private volatile State state = State.STARTING;
    private volatile boolean rebuildWanted;
    private volatile Instant lastForget = Instant.EPOCH;
    private Path folder;

    @PostConstruct
    void open() {
        folder = ServerFiles.located("xietong.search.dir", "search-index");
        try {
            index = LuceneIndex.open(folder);
        } catch (IOException e) {
            state = State.FAILED;
            LOG.log(Level.SEVERE, "the search index in " + folder + " cannot be opened: search is off", e);
        }
    }

    @PreDestroy
    void close() {
        writing.lock();
        try {
            if (index != null) {
                index.close();
            }
        } catch (IOException e) {
            LOG.log(Level.WARNING, "the search index did not close cleanly", e);
        } finally {
            writing.unlock();
        }
    }

    /** Where the index stands now. */
    public State state() {
        return state;
    }

    /** The folder of this server's index. */
    public Path folder() {
        return folder;
    }

    /** Items in the index, the last journal change applied and when (for the administrators' page). */
    public IndexStatus status() {
        LuceneIndex i = index;
        try {
            return i == null ? new IndexStatus(state, folder.toString(), 0, 0, null)
                    : new IndexStatus(state, folder.toString(), i.size(), i.lastChange(), i.appliedAt());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the index stands, as the administrators' page shows it. */
    public record IndexStatus(State state, String folder, int items, long lastChange, Instant appliedAt) {
    }

    /** The index is to be built again from the database; the next look (within seconds) does it. */
    public void rebuildSoon() {
        rebuildWanted = true;
        if (state == State.READY) {
            state = State.BUILDING;
        }
    }

    /** The query for a person's words, or empty when they hold no word. */
    public Optional<Query> query(String input) {
        return SearchText.query(index.analyzer(), input);
    }

    /** A page of hits, when the index is ready (empty while it is being built). */
    public Optional<LuceneIndex.Page> search(Query words, Set<String> tokens, Set<String> kinds, int first, int max) {
        if (state != State.READY) {
            return Optional.empty();
        }
        try {
            return Optional.of(index.search(words, tokens, kinds, clock.now(), first, max));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One look at the journal (the timer's, every three seconds); a rebuild when one is due. */
    @Schedule(second = "*/3", minute = "*", hour = "*", persistent = false, info = "search index")
    public void look() {
        if (index == null || !writing.tryLock()) {
            return;
        }
        try {
            if (state == State.STARTING) {
                rebuildWanted |= mustRebuild();
                if (!rebuildWanted) {
                    state = State.READY;
                }
            }
            if (rebuildWanted) {
                rebuild();
            } else {
                apply();
            }
            forgetOldChanges();
        } catch (Exception e) {
            LOG.log(Level.WARNING, "the search index could not be brought up to date (it tries again)", e);
            rollback();
        } finally {
            writing.unlock();
        }
    }

    private boolean mustRebuild() throws Exception {
        if (index.needsRebuild()) {
            return true;
        }
        Instant at = index.appliedAt();
        if (at == null || at.isBefore(clock.now().minus(RETENTION))) {
            LOG.info("the search index is older than the journal keeps: it is built again");
            return true;
        }
        tx.begin();
        long last = lastJournalId();
        tx.commit();
        if (last < index.lastChange()) {
            LOG.info("the journal is behind the search index (a restored database?): it is built again");
            return true;
        }
        return false;
    }

    private long lastJournalId() {
        Long last = em.createNamedQuery(SearchChange.LAST, Long.class).getSingleResult();
        return last == null ? 0 : last;
    }

    private void apply() throws Exception {
        long last = index.lastChange();
        tx.begin();
        List<SearchChange> changes = em.createNamedQuery(SearchChange.AFTER, SearchChange.class)
                .setParameter("after", Math.max(0, last - MARGIN)).setMaxResults(BATCH).getResultList();
        Map<String, Set<Long>> items = new LinkedHashMap<>();
        List<Long> ids = new ArrayList<>();
        for (SearchChange c : changes) {
            if (!applied.contains(c.getId())) {
                ids.add(c.getId());
                items.computeIfAbsent(c.getKind(), k -> new LinkedHashSet<>()).add(c.getItemId());
            }
        }
        if (ids.isEmpty()) {
            tx.commit();
            return;
        }
        Map<SearchSource, Map<Long, Optional<IndexedItem>>> read = new LinkedHashMap<>();
        for (Map.Entry<String, Set<Long>> e : items.entrySet()) {
            SearchSource source = source(e.getKey());
            if (source == null) {
                LOG.warning("the search journal names kind " + e.getKey() + ", which no source reads: skipped");
                continue;
            }
            Map<Long, Optional<IndexedItem>> found = new LinkedHashMap<>();
            e.getValue().forEach(id -> found.put(id, source.read(id)));
            read.put(source, found);
        }
        tx.commit();
        for (Map.Entry<SearchSource, Map<Long, Optional<IndexedItem>>> e : read.entrySet()) {
            for (Map.Entry<Long, Optional<IndexedItem>> item : e.getValue().entrySet()) {
                if (item.getValue().isPresent()) {
                    index.put(item.getValue().get());
                } else {
                    index.remove(e.getKey().kind(), item.getKey());
                }
            }
        }
        long newest = Math.max(last, ids.stream().mapToLong(Long::longValue).max().orElse(last));
        index.commit(newest, clock.now());
        applied.addAll(ids);
        applied.headSet(newest - 2L * MARGIN).clear();
    }

    private void rebuild() throws Exception {
        state = State.BUILDING;
        rebuildWanted = false;
        long started = System.nanoTime();
        tx.begin();
        long mark = lastJournalId();
        tx.commit();
        index.clear();
        long count = 0;
        for (SearchSource source : sources) {
            long after = 0;
            while (true) {
                tx.begin();
                List<Long> ids = source.ids(after, REBUILD_BATCH);
                List<IndexedItem> batch = new ArrayList<>();
                ids.forEach(id -> source.read(id).ifPresent(batch::add));
                tx.commit();
                for (IndexedItem item : batch) {
                    index.add(item);
                }
                count += batch.size();
                if (ids.size() < REBUILD_BATCH) {
                    break;
                }
                after = ids.get(ids.size() - 1);
            }
        }
        index.commit(mark, clock.now());
        applied.clear();
        state = State.READY;
        LOG.info("search index built: " + count + " items in "
                + Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (" + folder + ")");
    }

    private void forgetOldChanges() throws Exception {
        Instant now = clock.now();
        if (lastForget.isAfter(now.minus(Duration.ofHours(1)))) {
            return;
        }
        lastForget = now;
        tx.begin();
        em.createNamedQuery(SearchChange.FORGET).setParameter("before", now.minus(RETENTION)).executeUpdate();
        tx.commit();
    }

    private SearchSource source(String kind) {
        for (SearchSource s : sources) {
            if (s.kind().equals(kind)) {
                return s;
            }
        }
        return null;
    }

    private void rollback() {
        try {
            if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                tx.rollback();
            }
        } catch (Exception e) {
            LOG.log(Level.FINE, "rollback after a failed look", e);
        }
        if (state == State.BUILDING) {
            rebuildWanted = true; // try the whole build again at the next look
        }
    }
}
