package cn.edu.xietong.search;

import org.apache.lucene.search.Query;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B4: the index counts only what the searcher's tokens reach; its schema and last change survive a reopening. */
class LuceneIndexTest {

    private static final Instant NOW = Instant.parse("2026-12-01T08:00:00Z");

    @TempDir
    Path folder;

    private static IndexedItem notice(long id, String title, String text, Set<String> readers) {
        return IndexedItem.of("notice", id, title, text, NOW, "/notices/notice.xhtml?id=" + id, readers);
    }

    private static Query q(LuceneIndex index, String words) {
        return SearchText.query(index.analyzer(), words).orElseThrow();
    }

    @Test
    void hitsOutsideTheSearchersTokensAreNeverCounted() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(folder)) {
            index.put(notice(1, "学生宿舍管理规定", "宿舍的管理办法", Set.of(AccessTokens.unit(12))));
            index.put(notice(2, "宿舍维修通知", "全校宿舍", Set.of(AccessTokens.ALL)));
            index.put(notice(3, "宿舍私信", "给五号", Set.of(AccessTokens.person(5))));
            index.commit(0, NOW);
            Set<String> kinds = Set.of("notice");
            LuceneIndex.Page outsider = index.search(q(index, "宿舍"), Set.of("all", "unit:13", "person:6"), kinds,
                    NOW, 0, 10);
            assertEquals(1, outsider.total());
            assertEquals(2, outsider.hits().get(0).id());
            LuceneIndex.Page member = index.search(q(index, "管理规定"), Set.of("all", "unit:12"), kinds, NOW, 0, 10);
            assertEquals(1, member.total());
            assertTrue(member.hits().get(0).titleHtml().contains("<mark>"), member.hits().get(0).titleHtml());
            assertEquals(3, index.search(q(index, "宿舍"), Set.of("all", "unit:12", "person:5"), kinds, NOW, 0, 10)
                    .total());
            assertEquals(0, index.search(q(index, "宿舍"), Set.of("all"), Set.of("mail"), NOW, 0, 10).total());
        }
    }

    @Test
    void anItemOutsideItsVisibleWindowIsNotFound() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(folder)) {
            index.put(new IndexedItem("notice", 1, "过期的宿舍通知", "", NOW, "/x", Set.of("all"),
                    NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(1))));
            index.put(new IndexedItem("notice", 2, "将来的宿舍通知", "", NOW, "/x", Set.of("all"),
                    NOW.plus(Duration.ofDays(1)), null));
            index.commit(0, NOW);
            assertEquals(0, index.search(q(index, "宿舍"), Set.of("all"), Set.of("notice"), NOW, 0, 10).total());
            assertEquals(1, index.search(q(index, "宿舍"), Set.of("all"), Set.of("notice"),
                    NOW.plus(Duration.ofDays(3)), 0, 10).total());
        }
    }

    @Test
    void theLastChangeAppliedSurvivesReopeningAndABrokenIndexAsksForARebuild() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(folder)) {
            assertTrue(index.needsRebuild(), "a new index is built from the database");
            index.put(notice(1, "宿舍", "", Set.of("all")));
            index.commit(42, NOW);
        }
        try (LuceneIndex index = LuceneIndex.open(folder)) {
            assertFalse(index.needsRebuild());
            assertEquals(42, index.lastChange());
            assertEquals(NOW, index.appliedAt());
            assertEquals(1, index.size());
        }
        try (var files = Files.list(folder)) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("segments")).toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        try (LuceneIndex index = LuceneIndex.open(folder)) {
            assertTrue(index.needsRebuild());
            assertEquals(0, index.size());
        }
    }

    @Test
    void replacingAnItemKeepsOneCopyAndRemovingItLeavesNone() throws Exception {
        try (LuceneIndex index = LuceneIndex.open(folder)) {
            index.put(notice(1, "宿舍", "", Set.of("all")));
            index.put(notice(1, "宿舍更新", "", Set.of("all")));
            index.commit(1, NOW);
            assertEquals(1, index.size());
            index.remove("notice", 1);
            index.commit(2, NOW);
            assertEquals(0, index.size());
        }
    }
}
