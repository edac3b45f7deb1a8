import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The morning login burst (issue #3, S2): how many logins per second a running Xietong sustains, and their latency,
 * with the password hash cost it ships with. Each login is what a browser does: open the login page (new session),
 * post the credentials, get the redirect to the workbench. Only the post is timed; it carries the Argon2id check,
 * the lockout bookkeeping and the audit record.
 *
 * Needs a server in demo mode (./mvnw -Prun package). Run: java bench/LoginBurst.java [url] [threads] [seconds]
 */
public class LoginBurst {

    private static final String[] USERS = {"liming", "zhaohong", "sunli", "zhouqiang", "wuting", "zhengkai", "qianjun",
            "wangwei.hr", "fengxue", "chenjing", "chuyang", "weilan", "jiangtao", "shenyue", "hanmei", "wangwei.cs",
            "yangfan", "zhuxin", "qinlei", "youlin", "xuqian", "hejia", "lvbo", "shiyu", "zhangjie", "kongde", "caoyu",
            "yanhua", "jinbo", "weiwen"};
    private static final Pattern VIEW_STATE = Pattern.compile("name=\"jakarta.faces.ViewState\"[^>]*value=\"([^\"]*)\"");

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0].replaceAll("/+$", "") : "http://localhost:8080";
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        int seconds = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        String password = System.getenv().getOrDefault("XIETONG_DEMO_PASSWORD", "Xietong#2026");

        System.out.printf("warming up (10 s, %d threads) against %s%n", threads, base);
        run(base, password, threads, 10);
        System.out.printf("measuring (%d s, %d threads)%n", seconds, threads);
        Result r = run(base, password, threads, seconds);
        System.out.printf("logins: %d ok, %d failed in %.1f s -> %.1f logins/s%n", r.latencies.size(), r.failures,
                r.elapsedSeconds, r.latencies.size() / r.elapsedSeconds);
        System.out.printf("latency of the login post: p50 %d ms, p95 %d ms, p99 %d ms, max %d ms%n",
                r.percentile(50), r.percentile(95), r.percentile(99), r.percentile(100));
    }

    record Result(List<Long> latencies, long failures, double elapsedSeconds) {
        long percentile(int p) {
            List<Long> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            if (sorted.isEmpty()) {
                return 0;
            }
            int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1))) / 1_000_000;
        }
    }

    private static Result run(String base, String password, int threads, int seconds) throws Exception {
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicLong failures = new AtomicLong();
        AtomicLong next = new AtomicLong();
        long start = System.nanoTime();
        long deadline = start + Duration.ofSeconds(seconds).toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        for (int t = 0; t < threads; t++) {
            pool.submit(() -> {
                while (System.nanoTime() < deadline) {
                    String user = USERS[(int) (next.getAndIncrement() % USERS.length)];
                    try {
                        long took = login(base, user, password);
                        if (took >= 0) {
                            latencies.add(took);
                        } else {
                            failures.incrementAndGet();
                        }
                    } catch (Exception e) {
                        failures.incrementAndGet();
                    }
                }
                return null;
            });
        }
        pool.shutdown();
        pool.awaitTermination(seconds + 60L, java.util.concurrent.TimeUnit.SECONDS);
        return new Result(latencies, failures.get(), (System.nanoTime() - start) / 1e9);
    }

    /** One login in a fresh session; the post's duration in nanoseconds, or -1 if it did not reach the workbench. */
    private static long login(String base, String user, String password) throws Exception {
        HttpClient client = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
        String page = client.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher m = VIEW_STATE.matcher(page);
        if (!m.find()) {
            return -1;
        }
        String form = "login=login&login%3Ausername=" + enc(user) + "&login%3Apassword=" + enc(password)
                + "&login%3Asubmit=&jakarta.faces.ViewState=" + enc(m.group(1));
        long t0 = System.nanoTime();
        HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(base + "/login.xhtml"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.discarding());
        long took = System.nanoTime() - t0;
        boolean toWorkbench = response.statusCode() == 302
                && response.headers().firstValue("Location").orElse("").replaceAll("^https?://[^/]+", "").equals("/");
        return toWorkbench ? took : -1;
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
