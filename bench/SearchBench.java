import cn.edu.xietong.search.AccessTokens;
import cn.edu.xietong.search.IndexedItem;
import cn.edu.xietong.search.LuceneIndex;
import cn.edu.xietong.search.SearchText;
import org.apache.lucene.search.Query;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * Search at scale (issue #14, B4): indexes N generated items (notices and mail, Chinese with some English, each with
 * its access tokens) with the application's own index code (LuceneIndex, SmartChineseAnalyzer), then times searches
 * as a member of staff makes them: one or two words, filtered by the searcher's tokens, counted per kind, the first
 * page of ten hits with highlighted snippets. Prints the indexing rate and the latency percentiles of each round.
 *
 * Run: bench/search.sh [items=100000] [rounds=3] [queries=1000]
 */
public class SearchBench {

    private static final String[] WORDS = ("学生 宿舍 管理 规定 教学 安排 考试 通知 会议 纪要 图书馆 开放 时间 实验室 安全 检查 "
            + "财务 报销 科研 项目 申报 人事 招聘 评审 校园 网络 维护 停电 暑假 寒假 课程 选课 毕业 论文 答辩 奖学金 评定 "
            + "党建 学习 教育 培训 后勤 食堂 医院 体检 运动会 讲座 学术 交流 合作 国际 留学 招生 就业 指导 资产 采购 设备 "
            + "library exam meeting network security report research budget course thesis workshop seminar")
            .split(" ");
    private static final int UNITS = 60;
    private static final int PEOPLE = 3_000;

    public static void main(String[] args) throws Exception {
        int items = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int queries = args.length > 2 ? Integer.parseInt(args[2]) : 1_000;
        System.out.printf("# %s, %d cores, items=%d rounds=%d queries=%d%n", Instant.now(),
                Runtime.getRuntime().availableProcessors(), items, rounds, queries);
        for (int round = 1; round <= rounds; round++) {
            Path folder = Files.createTempDirectory("xietong-search-bench");
            Random random = new Random(round);
            try (LuceneIndex index = LuceneIndex.open(folder)) {
                long indexing = 0;
                for (int i = 1; i <= items; i++) {
                    IndexedItem item = item(random, i);
                    long t = System.nanoTime();
                    index.add(item);
                    indexing += System.nanoTime() - t;
                }
                long t = System.nanoTime();
                index.commit(0, Instant.now());
                indexing += System.nanoTime() - t;
                double rate = items / (indexing / 1e9);
                long bytes;
                try (var files = Files.walk(folder)) {
                    bytes = files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
                }

                long[] took = new long[queries];
                long hits = 0;
                for (int q = -100; q < queries; q++) { // 100 warm-up queries first
                    String words = WORDS[random.nextInt(WORDS.length)]
                            + (random.nextBoolean() ? " " + WORDS[random.nextInt(WORDS.length)] : "");
                    Set<String> tokens = searcher(random);
                    long s = System.nanoTime();
                    Query query = SearchText.query(index.analyzer(), words).orElseThrow();
                    LuceneIndex.Page page = index.search(query, tokens, Set.of("notice", "mail"), Instant.now(), 0, 10);
                    long e = System.nanoTime() - s;
                    if (q >= 0) {
                        took[q] = e;
                        hits += page.total();
                    }
                }
                Arrays.sort(took);
                System.out.printf("round %d: indexed %d items in %.1f s = %.0f items/s (%.0f MB); %d queries: p50 %.1f ms,"
                                + " p95 %.1f ms, p99 %.1f ms, max %.1f ms; %.0f hits per query on average%n", round, items,
                        indexing / 1e9, rate, bytes / 1e6, queries, ms(took, 0.50), ms(took, 0.95), ms(took, 0.99),
                        took[queries - 1] / 1e6, (double) hits / queries);
            } finally {
                try (var files = Files.walk(folder)) {
                    files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
        }
    }

    private static double ms(long[] sorted, double at) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(at * sorted.length) - 1)] / 1e6;
    }

    /** A notice for the whole school, a unit or a role, or a mail between a few people; 100–600 characters. */
    private static IndexedItem item(Random random, int id) {
        StringBuilder text = new StringBuilder();
        int length = 100 + random.nextInt(500);
        while (text.length() < length) {
            text.append(WORDS[random.nextInt(WORDS.length)]).append(random.nextInt(8) == 0 ? "。" : "");
        }
        String title = WORDS[random.nextInt(WORDS.length)] + WORDS[random.nextInt(WORDS.length)]
                + WORDS[random.nextInt(WORDS.length)];
        Set<String> readers = new LinkedHashSet<>();
        boolean mail = random.nextInt(3) == 0;
        if (mail) {
            for (int i = 0, n = 2 + random.nextInt(3); i < n; i++) {
                readers.add(AccessTokens.mailbox(random.nextInt(PEOPLE)));
            }
        } else {
            int audience = random.nextInt(10);
            readers.add(audience < 3 ? AccessTokens.ALL : audience < 9 ? AccessTokens.unit(random.nextInt(UNITS))
                    : "role:UNIT_IT");
            readers.add(AccessTokens.person(random.nextInt(PEOPLE)));
        }
        return IndexedItem.of(mail ? "mail" : "notice", id, title, text.toString(), Instant.now(),
                "/x?id=" + id, readers);
    }

    private static Set<String> searcher(Random random) {
        int person = random.nextInt(PEOPLE);
        int unit = random.nextInt(UNITS);
        return new LinkedHashSet<>(List.of(AccessTokens.ALL, AccessTokens.person(person), AccessTokens.mailbox(person),
                AccessTokens.unit(unit), AccessTokens.unit(unit / 10), "role:STAFF"));
    }
}
