package cn.edu.xietong.bench;

import cn.edu.xietong.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Xietong's half of the flow throughput benchmark (issue #4; bench/flow-throughput.sh runs both halves): deploys the
 * shipped EAR with {@link BenchServlet} to the managed WildFly on its H2 file database and has it run the instances
 * in the server through FlowCommands. Writes the rate to target/bench-flows-xietong.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class FlowThroughputBench {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withTests(BenchServlet.class, RateWindows.class, BenchData.class,
                BenchData.Setup.class);
    }

    @Test
    void xietongThroughput() throws Exception {
        int instances = Integer.getInteger("bench.instances", 4000);
        int threads = Integer.getInteger("bench.threads", 2);
        int warmUp = Integer.getInteger("bench.warmUp", 5000);
        // HTTP/1.1: over an upgraded HTTP/2 connection Undertow ended a run of more than 90 s with GOAWAY
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(
                        base.toExternalForm().replaceAll("/+$", "") + "/bench/flows?instances=" + instances
                                + "&threads=" + threads + "&warmUp=" + warmUp))
                .timeout(Duration.ofMinutes(30)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        Map<String, String> parts = Arrays.stream(response.body().split(" ")).map(p -> p.split("=", 2))
                .collect(Collectors.toMap(p -> p[0], p -> p[1]));
        int approved = Integer.parseInt(parts.get("approved"));
        long ms = Long.parseLong(parts.get("ms"));
        assertEquals(instances, approved, "every instance ends approved");
        double rate = instances * 1000.0 / ms;
        String line = String.format("xietong %d instances, %d threads: %.1f instances/s (%d ms)", instances, threads,
                rate, ms);
        String windows = String.format("xietong instances/s per %d: warm-up %s | measured %s", RateWindows.WINDOW,
                parts.get("warm"), parts.get("measured"));
        System.out.println(line);
        System.out.println(windows);
        Files.writeString(Path.of(System.getProperty("bench.out", "target/bench-flows-xietong.txt")),
                String.format("%.3f%n%s%n%s%n", rate, line, windows));
    }
}
