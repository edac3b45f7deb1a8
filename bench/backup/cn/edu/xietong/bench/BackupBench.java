package cn.edu.xietong.bench;

import cn.edu.xietong.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The backup benchmark of issue #15 (E3, O2.2): a generated university (60 units, 3,000 staff, a year of flows,
 * documents, some mail and published announcements), then in each round the weekly-backup job (started as a batch
 * operator, until COMPLETED) and, in the same round, the reference: a plain copy of the same bytes (the H2 database
 * file, the content store, the publish-time copies; each file synced) on the same disk, the order alternating from
 * round to round. Each round's set is then restored into an empty installation with the restore tool
 * ({@code java -cp xietong-ejb.jar cn.edu.xietong.backup.Restore}, a JVM of its own, as an operator runs it) and the
 * restored installation checked against the live one. Writes target/bench-backup.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BackupBench {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withTests(BackupBenchServlet.class, BackupBenchData.class);
    }

    @Test
    void backupAgainstAPlainCopyOfTheSameBytesAndRestore() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.out", "target"), "bench-backup"));
        List<String> lines = new ArrayList<>();
        lines.add("start " + Instant.now() + " load " + load());
        lines.add("university: " + call("university", "units=" + Integer.getInteger("bench.units", 60) + "&people="
                + Integer.getInteger("bench.people", 3000)));
        lines.add("flows: " + call("flows", "count=" + Integer.getInteger("bench.flows", 60000)));
        lines.add("documents: " + call("documents", "bytes=" + Long.getLong("bench.bytes", 2L << 30) + "&min="
                + Long.getLong("bench.minBytes", 50L << 10) + "&max=" + Long.getLong("bench.maxBytes", 20L << 20)));
        lines.add("mail: " + call("mail", "messages=" + Integer.getInteger("bench.mails", 20000) + "&recipients=4"));
        lines.add("notices: " + call("notices", "count=" + Integer.getInteger("bench.notices", 20)));
        print(lines);
        Thread.sleep(Long.getLong("bench.settleSeconds", 30) * 1000); // the search index catches up
        lines.add("data set: " + call("sizes", ""));
        lines.add("server heap after generating: " + call("heap", "reset=true"));
        print(lines);
        Map<String, String> warm = parse(call("backup", ""));
        lines.add("warm-up backup (not counted): " + warm);
        List<Double> backupS = new ArrayList<>();
        List<Double> copyS = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        List<Double> restoreS = new ArrayList<>();
        List<Double> verifyS = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            lines.add("round " + r + " at " + Instant.now() + ", load " + load());
            Path copyTarget = work.resolve("copy-" + r);
            Map<String, String> backup;
            Map<String, String> copy;
            if (r % 2 == 1) {
                call("heap", "reset=true");
                backup = parse(call("backup", ""));
                backup.put("heap", call("heap", "reset=false"));
                copy = parse(call("copy", "target=" + copyTarget));
            } else {
                copy = parse(call("copy", "target=" + copyTarget));
                call("heap", "reset=true");
                backup = parse(call("backup", ""));
                backup.put("heap", call("heap", "reset=false"));
            }
            call("delete", "dir=" + copyTarget);
            double b = Double.parseDouble(backup.get("seconds"));
            double c = Double.parseDouble(copy.get("seconds"));
            long setBytes = Long.parseLong(backup.get("setBytes"));
            long copyBytes = Long.parseLong(copy.get("bytes"));
            backupS.add(b);
            copyS.add(c);
            ratios.add(c / b);
            lines.add(String.format("  backup %.2f s, %,d bytes in the set (%.0f MB/s) %s", b, setBytes,
                    setBytes / b / 1e6, backup));
            lines.add(String.format("  copy   %.2f s, %,d bytes (%.0f MB/s) %s", c, copyBytes, copyBytes / c / 1e6,
                    copy));
            lines.add(String.format("  ratio copy/backup %.2f", c / b));

            Path installation = work.resolve("restore-" + r);
            call("delete", "dir=" + installation);
            Path data = Files.createDirectories(installation);
            long t0 = System.nanoTime();
            Process restore = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("bench.ejbJar"), "cn.edu.xietong.backup.Restore", backup.get("set"),
                    "--server-data", data.toString()).redirectErrorStream(true).start();
            String output = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            assertEquals(0, restore.waitFor(), output);
            double rs = (System.nanoTime() - t0) / 1e9;
            restoreS.add(rs);
            Map<String, String> verify = parse(call("verify", "dir=" + data));
            verifyS.add(Double.parseDouble(verify.get("seconds")));
            lines.add(String.format("  restore %.2f s (%.0f MB/s of the set): %s", rs, setBytes / rs / 1e6,
                    output.replace('\n', ';')));
            lines.add("  verify " + verify);
            assertEquals("0", verify.get("contentBad"), verify.toString());
            call("delete", "dir=" + installation);
            print(lines);
        }
        lines.add("end " + Instant.now() + " load " + load());
        lines.add("backup seconds: " + spread(backupS));
        lines.add("copy seconds: " + spread(copyS));
        lines.add("ratio copy/backup (goal >= 0.5): " + spread(ratios));
        lines.add("restore seconds: " + spread(restoreS));
        lines.add("verify seconds: " + spread(verifyS));
        print(lines);
    }

    private String call(String operation, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        base.toExternalForm().replaceAll("/+$", "") + "/bench/backup/" + operation + "?" + query))
                .timeout(Duration.ofMinutes(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static Map<String, String> parse(String answer) {
        Map<String, String> parts = new LinkedHashMap<>();
        Arrays.stream(answer.split(" ")).filter(p -> p.contains("=")).map(p -> p.split("=", 2))
                .forEach(p -> parts.put(p[0], p[1]));
        return parts;
    }

    private static String load() throws IOException {
        return Files.readString(Path.of("/proc/loadavg")).strip();
    }

    private static void print(List<String> lines) throws IOException {
        Path out = Path.of(System.getProperty("bench.out", "target"), "bench-backup.txt");
        Files.write(out, lines);
        System.out.println(lines.get(lines.size() - 1));
    }

    private static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format("median %.2f, min %.2f, max %.2f, n=%d", median, sorted.get(0), sorted.get(n - 1), n);
    }
}
