package cn.edu.xietong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The client side of the mail benchmarks: calls to {@link MailBenchServlet}, the database, the results file. */
final class MailBenchClient {

    // HTTP/1.1: over an upgraded HTTP/2 connection Undertow ended long requests with GOAWAY
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private MailBenchClient() {
    }

    /** POSTs to {@code /bench/mail/<operation>?<query>} and answers its key=value pairs. */
    static Map<String, String> call(URL base, String operation, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        base.toExternalForm().replaceAll("/+$", "") + "/bench/mail/" + operation + "?" + query))
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + ": " + response.statusCode() + " " + response.body());
        }
        Map<String, String> parts = new LinkedHashMap<>();
        Arrays.stream(response.body().split(" ")).filter(p -> p.contains("=")).map(p -> p.split("=", 2))
                .forEach(p -> parts.put(p[0], p[1]));
        return parts;
    }

    /**
     * The benchmark database as its owner, when the server runs on PostgreSQL (XIETONG_DB_URL and XIETONG_DB_OWNER
     * set, as bench/mail.sh sets them).
     */
    static Optional<Connection> database() throws SQLException {
        String url = System.getenv("XIETONG_DB_URL");
        String owner = System.getenv("XIETONG_DB_OWNER");
        if (url == null || owner == null || !url.startsWith("jdbc:postgresql:")) {
            return Optional.empty();
        }
        return Optional.of(DriverManager.getConnection(url, owner, System.getenv("XIETONG_DB_OWNER_PASSWORD")));
    }

    /** Appends lines to the results file (bench.out) and prints them. */
    static void report(String file, List<String> lines) throws IOException {
        Path out = Path.of(System.getProperty("bench.out", "target"), file);
        Files.createDirectories(out.getParent());
        lines.forEach(System.out::println);
        Files.write(out, lines);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static String spread(List<Double> values) {
        return String.format("median %.2f, min %.2f, max %.2f, n=%d", median(values),
                values.stream().mapToDouble(Double::doubleValue).min().orElse(0),
                values.stream().mapToDouble(Double::doubleValue).max().orElse(0), values.size());
    }
}
