package cn.edu.xietong.bench;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.Deployments;
import cn.edu.xietong.it.support.FixtureServlet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The document transfer benchmark of issue #14: a 100 MB file uploaded through the library page as a person does it
 * (headless Chromium, the page's p:fileUpload, until the document's row shows, i.e. the file is stored and committed),
 * downloaded through {@code /documents/file?version=…} with the person's session to a file (synced), and, in the same
 * round, the reference: a plain copy of the same file on the same disk ({@link Files#copy}, then
 * {@link FileChannel#force}). The server runs with the bounded heap of the bench profile; its heap is read before and
 * after each transfer (the sum of the heap pools' peaks since a reset). Writes target/bench-documents-transfer.txt.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class DocumentTransferBench {

    private static final String PASSWORD = "Transfer-Bench-2026";
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @ArquillianResource
    private URL base;

    @Deployment(testable = false)
    static EnterpriseArchive deployment() {
        return Deployments.withTests(DocumentBenchServlet.class);
    }

    @Test
    void hundredMegabytesUpAndDownAgainstAPlainCopy() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        long bytes = Long.getLong("bench.bytes", 100L * 1024 * 1024);
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.out", "target"), "bench-documents"));
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        List<String> lines = new ArrayList<>();
        lines.add("server heap at start: " + call("heap", "reset=true"));
        List<Double> up = new ArrayList<>();
        List<Double> down = new ArrayList<>();
        List<Double> copy = new ArrayList<>();
        List<Double> upRatio = new ArrayList<>();
        List<Double> downRatio = new ArrayList<>();
        try (Browser browser = Browser.open(base)) {
            browser.logIn(person, PASSWORD);
            browser.click("#menu\\:menu-documents");
            browser.awaitPath("/documents/library.xhtml");
            String libraryPage = "/documents/library.xhtml?library="
                    + browser.find("a.xt-doc-library.xt-current").getAttribute("data-library");
            String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            for (int r = 1; r <= rounds; r++) {
                Path file = work.resolve("基准-" + r + "-" + System.nanoTime() + ".pdf");
                String sha = generate(file, bytes, r);

                // the reference: a plain copy on the same disk, synced
                Path copied = work.resolve("copy-" + r + ".pdf");
                Files.deleteIfExists(copied);
                long c0 = System.nanoTime();
                Files.copy(file, copied);
                try (FileChannel channel = FileChannel.open(copied, StandardOpenOption.WRITE)) {
                    channel.force(true);
                }
                double copyS = (System.nanoTime() - c0) / 1e9;
                Files.delete(copied);

                // upload through the library page until the document's row shows
                browser.go(libraryPage);
                call("heap", "reset=true");
                long u0 = System.nanoTime();
                choose(browser, file);
                WebElement row = awaitRow(browser, file.getFileName().toString(), Duration.ofMinutes(10));
                double upS = (System.nanoTime() - u0) / 1e9;
                String heapUp = call("heap", "reset=false");

                // download of its version with the person's session, to a file, synced
                row.findElement(By.cssSelector("a.xt-doc-open")).click();
                browser.awaitPath("/documents/document.xhtml");
                String download = browser.find("#versions li[data-version='1'] a.xt-doc-download")
                        .getAttribute("href").replaceFirst("^https?://[^/]+", "");
                browser.go(libraryPage); // nothing of the document's page loads during the timed download
                Path target = work.resolve("download-" + r + ".pdf");
                Files.deleteIfExists(target);
                call("heap", "reset=true");
                long d0 = System.nanoTime();
                download(download, session, target);
                double downS = (System.nanoTime() - d0) / 1e9;
                String downloadedSha = sha256(target);
                String heapDown = call("heap", "reset=false");
                assertEquals(sha, downloadedSha, "the downloaded file is the uploaded one");
                assertEquals(bytes, Files.size(target));
                Files.delete(target);
                Files.delete(file);

                double mb = bytes / 1e6;
                up.add(mb / upS);
                down.add(mb / downS);
                copy.add(mb / copyS);
                upRatio.add(copyS / upS);
                downRatio.add(copyS / downS);
                lines.add(String.format("round %d: %d B; copy %.2f s (%.1f MB/s); upload %.2f s (%.1f MB/s, %.2fx the"
                                + " copy); download %.2f s (%.1f MB/s, %.2fx the copy)", r, bytes, copyS, mb / copyS,
                        upS, mb / upS, copyS / upS, downS, mb / downS, copyS / downS));
                lines.add("  heap around the upload: " + heapUp);
                lines.add("  heap around the download: " + heapDown);
            }
        }
        lines.add("copy MB/s: " + spread(copy));
        lines.add("upload MB/s: " + spread(up));
        lines.add("download MB/s: " + spread(down));
        lines.add("upload/copy: " + spread(upRatio));
        lines.add("download/copy: " + spread(downRatio));
        lines.add("server heap at end: " + call("heap", "reset=false"));
        report("bench-documents-transfer.txt", lines);
    }

    /** A PDF header and random bytes (as a compressed file's would be), {@code bytes} long; answers its SHA-256. */
    private static String generate(Path file, long bytes, int round) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        Random random = new Random(round ^ System.nanoTime());
        byte[] buffer = new byte[1024 * 1024];
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] header = "%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII);
            for (long written = 0; written < bytes; ) {
                random.nextBytes(buffer);
                if (written == 0) {
                    System.arraycopy(header, 0, buffer, 0, header.length);
                }
                int n = (int) Math.min(buffer.length, bytes - written);
                out.write(buffer, 0, n);
                sha.update(buffer, 0, n);
                written += n;
            }
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Chooses the file in the page's upload widget (auto upload), which replaces its file input after each upload. */
    private static void choose(Browser browser, Path file) throws InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                browser.driver().findElement(By.cssSelector("#upload\\:files input[type=file]"))
                        .sendKeys(file.toAbsolutePath().toString());
                return;
            } catch (StaleElementReferenceException replaced) {
                if (attempt == 20) {
                    throw replaced;
                }
                Thread.sleep(100);
            }
        }
    }

    /** The document row of the file, once the upload's answer has shown it. */
    private static WebElement awaitRow(Browser browser, String name, Duration limit) throws InterruptedException {
        long until = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < until) {
            try {
                for (WebElement row : browser.driver().findElements(
                        By.cssSelector("#documents li.xt-doc-document"))) {
                    if (row.getText().contains(name)) {
                        return row;
                    }
                }
            } catch (StaleElementReferenceException replaced) {
                // the list was just updated
            }
            Thread.sleep(50);
        }
        throw new IllegalStateException("no row for " + name + " after " + limit + "; messages: "
                + browser.text("#messages"));
    }

    /** Streams a download to a file and syncs it (the reference's work); the caller checks what came afterwards. */
    private void download(String path, String session, Path target) throws Exception {
        HttpResponse<Path> response = HTTP.send(HttpRequest.newBuilder(URI.create(
                        base.toExternalForm().replaceAll("/+$", "") + path)).timeout(Duration.ofMinutes(10))
                .header("Cookie", "JSESSIONID=" + session).GET().build(), HttpResponse.BodyHandlers.ofFile(target));
        assertEquals(200, response.statusCode(), path);
        try (FileChannel out = FileChannel.open(target, StandardOpenOption.WRITE)) {
            out.force(true);
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    private String call(String operation, String query) throws IOException, InterruptedException {
        return DocumentBenchClient.call(base, operation, query).toString();
    }

    static String spread(List<Double> values) {
        return DocumentBenchClient.spread(values);
    }

    static void report(String file, List<String> lines) throws IOException {
        DocumentBenchClient.report(file, lines);
    }
}
