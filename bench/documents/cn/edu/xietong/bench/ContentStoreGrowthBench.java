package cn.edu.xietong.bench;

import cn.edu.xietong.it.support.Deployments;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URL;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The content store as it grows (issue #14, storage): {@code bench.contents} small distinct contents (default 50,000
 * of 2 KB) stored in the managed WildFly's store, the write rate per window and the latency of opening and reading a
 * content by its SHA-256 at the start and at the end ({@link DocumentBenchServlet}). Writes
 * target/bench-documents-store.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ContentStoreGrowthBench {

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withTests(DocumentBenchServlet.class, DocumentUploadTimer.class);
    }

    @Test
    void writesAndLookupsStayFlatAsTheStoreGrows() throws Exception {
        int count = Integer.getInteger("bench.contents", 50_000);
        Map<String, String> r = DocumentBenchClient.call(base, "store", "count=" + count + "&window=5000&through=500"
                + "&samples=2000&bytes=" + Integer.getInteger("bench.contentBytes", 2048));
        assertEquals(count, Integer.parseInt(r.get("stored")));
        List<String> lines = new ArrayList<>();
        lines.add(String.format("%d contents of %s B in %s s", count, Integer.getInteger("bench.contentBytes", 2048),
                r.get("seconds")));
        lines.add("ContentStore.store (whole upload path: checks, row, fsync, move) per second: at the start "
                + r.get("throughStartPerS") + ", at the end " + r.get("throughEndPerS") + " (500 each)");
        lines.add("store layout writes (temp file, SHA-256, fsync, atomic move) per second per 5,000: "
                + r.get("layoutPerSByWindow"));
        lines.add("ContentStore.open + read, microseconds: at the start " + r.get("openStartUs") + "; at the end "
                + r.get("openEndUs"));
        lines.add("leaf directories (of 65,536): " + r.get("leafDirectories"));
        DocumentBenchClient.report("bench-documents-store.txt", lines);
    }
}
