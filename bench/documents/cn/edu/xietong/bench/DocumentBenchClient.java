package cn.edu.xietong.bench;

import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The client side of the document benchmarks: calls to {@link DocumentBenchServlet}, spreads, the results file. */
final class DocumentBenchClient {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private DocumentBenchClient() {
    }

    /** POSTs to {@code /bench/documents/<operation>?<query>} and answers its key=value pairs. */
    static Map<String, String> call(URL base, String operation, String query) throws IOException, InterruptedException {
        Map<String, String> parts = new LinkedHashMap<>();
        Arrays.stream(text(base, operation, query).split(" ")).filter(p -> p.contains("=")).map(p -> p.split("=", 2))
                .forEach(p -> parts.put(p[0], p[1]));
        return parts;
    }

    /** POSTs to {@code /bench/documents/<operation>?<query>} and answers its text. */
    static String text(URL base, String operation, String query) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        base.toExternalForm().replaceAll("/+$", "") + "/bench/documents/" + operation + "?" + query))
                .timeout(Duration.ofMinutes(60)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(operation + ": " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    /** Writes the results file (in bench.out) and prints its lines. */
    static void report(String file, List<String> lines) throws IOException {
        Path out = Path.of(System.getProperty("bench.out", "target"), file);
        Files.createDirectories(out.getParent());
        lines.forEach(System.out::println);
        Files.write(out, lines);
    }

    static String spread(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return String.format("median %.2f, min %.2f, max %.2f, n=%d", median, sorted.get(0), sorted.get(n - 1), n);
    }
}
