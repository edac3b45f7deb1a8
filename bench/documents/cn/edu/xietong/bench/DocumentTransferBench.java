package cn.edu.xietong.bench;

import cn.edu.xietong.files.VirusScanner;
import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.it.support.Clamd;
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
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The document transfer benchmark of issue #14. Each round, on the same disk and one after the other:
 * <ul>
 * <li>the reference: a plain copy of a 100 MB file ({@link Files#copy}, then {@link FileChannel#force});</li>
 * <li>the upload as a person makes it: headless Chromium chooses the file in the library page's p:fileUpload, timed
 * until the document's row shows (the file is received, stored, scanned by clamd and committed);</li>
 * <li>the same product upload by curl (a multipart POST of another file of the same size to a bench servlet that calls
 * {@code Documents.upload} with the part, as the page does, with the person's session);</li>
 * <li>three ceilings of receiving by curl: a servlet that reads the body and discards it, one that also runs
 * Undertow's multipart parser over it, and one that takes the multipart part as the page does (Undertow writes it to
 * its temporary file) and moves it to a file ({@code Part.write});</li>
 * <li>the download of the browser's upload through {@code /documents/file?version=…} with the person's session, by
 * {@code java.net.http.HttpClient} and by curl, each to a file that is then synced, as the copy is, and by curl to
 * {@code /dev/null} (the ceiling of sending it: nothing written on the receiving side);</li>
 * <li>the virus scan alone: the product's clamd client ({@link VirusScanner}) sends a file of the same size from this
 * process to the same clamd.</li>
 * </ul>
 * curl's own transfer time ({@code time_total}) is taken, not the start of its process. The server scans uploads with a
 * real clamd (as the tests do), runs with the bounded heap of the bench profile, and reports where each upload's time
 * went (the content store's stages, the page request's receiving). Writes target/bench-documents-transfer.txt.
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
        return Deployments.withTests(DocumentBenchServlet.class, DocumentUploadTimer.class);
    }

    @Test
    void hundredMegabytesUpAndDownAgainstAPlainCopy() throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 3);
        long bytes = Long.getLong("bench.bytes", 100L * 1024 * 1024);
        Path work = Files.createDirectories(Path.of(System.getProperty("bench.out", "target"), "bench-documents"));
        String person = FixtureServlet.call(base, "/person?password=" + PASSWORD + "&role=UNIT_IT");
        List<String> lines = new ArrayList<>();
        lines.add("server heap at start: " + call("heap", "reset=true"));
        Map<String, List<Double>> rates = new LinkedHashMap<>();
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        try (Clamd clamd = Clamd.start(); Browser browser = Browser.open(base)) {
            FixtureServlet.call(base, "/clamd?port=" + clamd.port());
            browser.logIn(person, PASSWORD);
            browser.click("#menu\\:menu-documents");
            browser.awaitPath("/documents/library.xhtml");
            String library = browser.find("a.xt-doc-library.xt-current").getAttribute("data-library");
            String libraryPage = "/documents/library.xhtml?library=" + library;
            String session = browser.driver().manage().getCookieNamed("JSESSIONID").getValue();
            lines.add("load average before the rounds: " + load() + " (" + Runtime.getRuntime().availableProcessors()
                    + " cores, shared with other processes)");
            for (int r = 1; r <= rounds; r++) {
                Path file = work.resolve("基准-" + r + "-" + System.nanoTime() + ".pdf");
                String sha = generate(file, bytes, r);
                Path other = work.resolve("bench-curl-" + r + "-" + System.nanoTime() + ".pdf");
                generate(other, bytes, -r);
                double mb = bytes / 1e6;
                lines.add(String.format("round %d: %d B", r, bytes));

                // the reference: a plain copy on the same disk, synced
                Path copied = work.resolve("copy-" + r + ".pdf");
                Files.deleteIfExists(copied);
                long c0 = System.nanoTime();
                Files.copy(file, copied);
                sync(copied);
                double copyS = (System.nanoTime() - c0) / 1e9;
                Files.delete(copied);
                note(lines, rates, ratios, "copy", mb, copyS, copyS);

                // upload through the library page until the document's row shows
                browser.go(libraryPage);
                call("heap", "reset=true");
                long u0 = System.nanoTime();
                choose(browser, file);
                WebElement row = awaitRow(browser, file.getFileName().toString(), Duration.ofMinutes(10));
                double upS = (System.nanoTime() - u0) / 1e9;
                lines.add("  heap around the browser upload: " + call("heap", "reset=false"));
                note(lines, rates, ratios, "browser upload", mb, upS, copyS);
                lines.add("    on the server: " + text("stages", ""));

                // the same upload path by curl, another file of the same size (the same bytes would be stored once)
                call("heap", "reset=true");
                Curl curlUp = Curl.run("-H", "Expect:", "-b", "JSESSIONID=" + session, "-F",
                        "file=@" + other.toAbsolutePath() + ";filename=" + other.getFileName() + ";type=application/pdf",
                        url("/bench/documents/upload?library=" + library));
                lines.add("  heap around the curl upload: " + call("heap", "reset=false"));
                note(lines, rates, ratios, "curl upload", mb, curlUp.seconds(), copyS);
                lines.add("    on the server: " + curlUp.body());

                // the ceilings of receiving: discarded, and only written to a file
                Curl receive = Curl.run("-H", "Expect:", "-F", "file=@" + other.toAbsolutePath() + ";filename=x.pdf",
                        url("/bench/documents/receive"));
                note(lines, rates, ratios, "curl receive (discarded)", mb, receive.seconds(), copyS);
                lines.add("    on the server: " + receive.body());
                Curl parse = Curl.run("-H", "Expect:", "-F", "file=@" + other.toAbsolutePath() + ";filename=x.pdf",
                        url("/bench/documents/parse"));
                note(lines, rates, ratios, "curl receive (multipart parsed)", mb, parse.seconds(), copyS);
                lines.add("    on the server: " + parse.body());
                Curl part = Curl.run("-H", "Expect:", "-F", "file=@" + other.toAbsolutePath() + ";filename=x.pdf",
                        url("/bench/documents/part"));
                note(lines, rates, ratios, "curl receive (Part.write)", mb, part.seconds(), copyS);
                lines.add("    on the server: " + part.body());

                // the scanner alone: the product's clamd client sends a file from this process (bytes clamd has not
                // seen: it answers for a file it scanned before from its cache)
                Path unseen = work.resolve("bench-scan-" + r + "-" + System.nanoTime() + ".pdf");
                generate(unseen, bytes, 1000 + r);
                long v0 = System.nanoTime();
                try (InputStream in = Files.newInputStream(unseen)) {
                    assertTrue(new VirusScanner("127.0.0.1", clamd.port()).scan(in).clean());
                }
                note(lines, rates, ratios, "clamd scan alone", mb, (System.nanoTime() - v0) / 1e9, copyS);
                Files.delete(unseen);

                // downloads of the browser's upload with the person's session, to a file, synced
                row.findElement(By.cssSelector("a.xt-doc-open")).click();
                browser.awaitPath("/documents/document.xhtml");
                String download = browser.find("#versions li[data-version='1'] a.xt-doc-download")
                        .getAttribute("href").replaceFirst("^https?://[^/]+", "");
                browser.go(libraryPage); // nothing of the document's page loads during the timed downloads
                Path target = work.resolve("download-" + r + ".pdf");
                Files.deleteIfExists(target);
                call("heap", "reset=true");
                long d0 = System.nanoTime();
                download(download, session, target);
                double downS = (System.nanoTime() - d0) / 1e9;
                lines.add("  heap around the download: " + call("heap", "reset=false"));
                note(lines, rates, ratios, "HttpClient download", mb, downS, copyS);
                assertEquals(sha, sha256(target), "the downloaded file is the uploaded one");
                assertEquals(bytes, Files.size(target));
                Files.delete(target);

                Curl curlDown = Curl.run("-o", target.toAbsolutePath().toString(), "-b", "JSESSIONID=" + session,
                        url(download));
                long s0 = System.nanoTime();
                sync(target);
                double curlDownS = curlDown.seconds() + (System.nanoTime() - s0) / 1e9;
                note(lines, rates, ratios, "curl download", mb, curlDownS, copyS);
                assertEquals(sha, sha256(target), "curl downloaded the uploaded file");
                Files.delete(target);

                // the ceiling of sending it: curl discards what it receives (no file, no sync)
                Curl discarded = Curl.run("-o", "/dev/null", "-b", "JSESSIONID=" + session, url(download));
                note(lines, rates, ratios, "curl download (discarded)", mb, discarded.seconds(), copyS);
                Files.delete(file);
                Files.delete(other);
            }
        }
        lines.add("load average after the rounds: " + load());
        FixtureServlet.call(base, "/clamd");
        rates.forEach((what, values) -> lines.add(what + " MB/s: " + spread(values)));
        ratios.forEach((what, values) -> lines.add(what + "/copy: " + spread(values)));
        lines.add("server heap at end: " + call("heap", "reset=false"));
        report("bench-documents-transfer.txt", lines);
    }

    /** Adds a measurement's line, rate and ratio to the copy of its round. */
    private static void note(List<String> lines, Map<String, List<Double>> rates, Map<String, List<Double>> ratios,
                             String what, double mb, double seconds, double copySeconds) {
        rates.computeIfAbsent(what, w -> new ArrayList<>()).add(mb / seconds);
        if (!what.equals("copy")) {
            ratios.computeIfAbsent(what, w -> new ArrayList<>()).add(copySeconds / seconds);
        }
        lines.add(String.format("  %s: %.3f s (%.1f MB/s, %.2fx the copy)", what, seconds, mb / seconds,
                copySeconds / seconds));
    }

    private String url(String path) {
        return base.toExternalForm().replaceAll("/+$", "") + path;
    }

    private static String load() throws IOException {
        return String.join(" ", Arrays.copyOf(Files.readString(Path.of("/proc/loadavg")).split(" "), 3));
    }

    private static void sync(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
    }

    /** A finished curl: its own time of the transfer (time_total) and the body it received (when not to a file). */
    private record Curl(double seconds, String body) {

        static Curl run(String... arguments) throws IOException, InterruptedException {
            List<String> command = new ArrayList<>(List.of("curl", "-sS", "--fail-with-body", "-w",
                    "\\n%{time_total}"));
            command.addAll(List.of(arguments));
            if (!command.contains("-o")) {
                command.addAll(List.of("-o", "-"));
            }
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (process.waitFor() != 0) {
                throw new IllegalStateException("curl " + arguments[arguments.length - 1] + " failed: " + out);
            }
            int last = out.lastIndexOf('\n');
            return new Curl(Double.parseDouble(out.substring(last + 1).strip()),
                    last < 0 ? "" : out.substring(0, last).strip());
        }
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
        sync(target);
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

    private String text(String operation, String query) throws IOException, InterruptedException {
        return DocumentBenchClient.text(base, operation, query);
    }

    static String spread(List<Double> values) {
        return DocumentBenchClient.spread(values);
    }

    static void report(String file, List<String> lines) throws IOException {
        DocumentBenchClient.report(file, lines);
    }
}
