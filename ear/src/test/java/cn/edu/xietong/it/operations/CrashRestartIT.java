package cn.edu.xietong.it.operations;

import cn.edu.xietong.it.support.Browser;
import cn.edu.xietong.setup.DemoUniversity;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * C1, E3, issue #15: a job whose server is killed half way (SIGKILL, nothing shut down) is marked failed when the
 * server comes back, and an operator restarts it from its last checkpoint on the jobs page: every item is done exactly
 * once, none is lost. The job is the weekly backup, whose copy step is a chunk step over the stored files: the set's
 * manifest must list every stored file once, each with the hash of its bytes.
 * <p>
 * Not a test of the suite's server: it starts a second WildFly of its own from the provisioned one (its own base
 * directory in target/crash-server with its own H2 database and content store, ports +500 or
 * {@code -Dit.crash.port.offset}, demo mode), deploys the shipped EAR into it through the deployment scanner, and
 * kills it. Tagged {@code browser} like the page tests: CI's PostgreSQL phase does not run it, and it skips itself on
 * a server provisioned for PostgreSQL, whose one database it cannot share with the suite's server.
 */
@Tag("browser")
class CrashRestartIT {

    /** Enough files for a run of many seconds (each is copied and synced), so the kill lands half way. */
    private static final int FILES = 2000;
    private static final String NODE = "oa-crash";
    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final Path home = Path.of(System.getProperty("jboss.home"));
    private final Path base = Path.of(System.getProperty("it.crash.server.base", "target/crash-server"))
            .toAbsolutePath();
    private final int offset = Integer.getInteger("it.crash.port.offset", 500);
    private final URL url = url("http://127.0.0.1:" + (8080 + offset) + "/");
    private Process server;

    private static URL url(String text) {
        try {
            return URI.create(text).toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void killServer() throws Exception {
        if (server != null) {
            kill(server);
        }
    }

    @Test
    void aJobKilledHalfWayRestartsFromItsCheckpointWithNoItemDoneTwiceAndNoneLost() throws Exception {
        Path configuration = home.resolve("standalone/configuration");
        assumeTrue(Files.readString(configuration.resolve("standalone.xml")).contains("jdbc:h2:file:"),
                "the crash test needs a database of its own: it runs on a server provisioned for H2 only");
        prepareBase(configuration);
        Map<String, String> stored = plantStoredFiles();

        server = start();
        try (Browser browser = Browser.open(url)) {
            browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/ops/jobs.xhtml");
            browser.choose("#jobs\\:job", "每周备份");
            browser.click("#jobs\\:start");
        }
        Path set = awaitSet();
        Path part = set.resolve("manifest.part");
        awaitLines(part, FILES / 10);
        kill(server);
        server = null;
        long listedAtKill = lines(part);
        assertTrue(listedAtKill < FILES, "the kill came too late: " + listedAtKill + " of " + FILES + " copied");
        assertFalse(Files.exists(set.resolve("manifest.sha256")), "the set was sealed before the kill");

        server = start();
        assertTrue(Files.readString(base.resolve("log/server.log")).contains("node " + NODE
                + " were left running when this server stopped and are now marked FAILED"), "no recovery line logged");
        try (Browser browser = Browser.open(url)) {
            browser.logIn("yanhua", DemoUniversity.DEFAULT_PASSWORD);
            browser.go("/ops/jobs.xhtml");
            browser.choose("#jobs\\:job", "每周备份");
            String crashed = browser.awaitText("#jobs\\:runs tbody tr:first-child", "失败");
            assertTrue(crashed.contains("运行中服务器停止"), "the run says why it failed: " + crashed);
            browser.click("#jobs\\:runs tbody tr:first-child button[id$=':restart']");
            browser.awaitText("#messages", "已从检查点重启");
            awaitFile(set.resolve("manifest.sha256"), Duration.ofMinutes(3));
            browser.click("#jobs\\:refresh");
            browser.awaitText("#jobs\\:runs tbody tr:first-child", "已完成");
        }

        List<String> manifest = Files.readAllLines(set.resolve("manifest.sha256"), StandardCharsets.UTF_8);
        Map<String, Integer> listed = new HashMap<>();
        for (String line : manifest) {
            String hash = line.substring(0, 64);
            String path = line.substring(66);
            listed.merge(path, 1, Integer::sum);
            assertEquals(hash, sha256(set.resolve(path)), "the copy of " + path + " matches its manifest line");
            if (stored.containsKey(path)) {
                assertEquals(stored.get(path), hash, path + " is the stored file's bytes");
            }
        }
        List<String> twice = listed.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertEquals(List.of(), twice, "files listed more than once");
        List<String> lost = stored.keySet().stream().filter(p -> !listed.containsKey(p)).sorted().toList();
        assertEquals(List.of(), lost, "stored files missing from the set");
    }

    /** A fresh base directory: the provisioned configuration, the shipped EAR in the scanned deployments folder. */
    private void prepareBase(Path configuration) throws IOException {
        if (Files.exists(base)) {
            try (Stream<Path> walk = Files.walk(base)) {
                walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        try (Stream<Path> walk = Files.walk(configuration)) {
            for (Path from : (Iterable<Path>) walk::iterator) {
                Path relative = configuration.relativize(from);
                if (relative.startsWith("standalone_xml_history")) {
                    continue;
                }
                Path to = base.resolve("configuration").resolve(relative.toString());
                if (Files.isDirectory(from)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(from, to, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.createDirectories(base.resolve("deployments"));
        Files.copy(Path.of(System.getProperty("xietong.ear")), base.resolve("deployments/xietong.ear"));
    }

    /** Small files in the content store as the store keeps them (named by their SHA-256); path in a set → hash. */
    private Map<String, String> plantStoredFiles() throws Exception {
        Path content = base.resolve("data/xietong/content");
        Random random = new Random(15);
        Map<String, String> stored = new HashMap<>();
        for (int i = 0; i < FILES; i++) {
            byte[] bytes = new byte[200 + random.nextInt(800)];
            random.nextBytes(bytes);
            String hash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
            Path file = content.resolve(hash.substring(0, 2)).resolve(hash.substring(2, 4)).resolve(hash);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            stored.put("files/content/" + hash.substring(0, 2) + "/" + hash.substring(2, 4) + "/" + hash, hash);
        }
        return stored;
    }

    /** Starts the server on the base directory and waits until the EAR is deployed and the login page answers. */
    private Process start() throws Exception {
        Path deployments = base.resolve("deployments");
        for (String marker : List.of(".deployed", ".failed", ".isdeploying", ".pending")) {
            Files.deleteIfExists(deployments.resolve("xietong.ear" + marker));
        }
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + base, "-Djboss.socket.binding.port-offset=" + offset,
                "-Djboss.node.name=" + NODE)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("console.log").toFile()));
        builder.environment().remove("LAUNCH_JBOSS_IN_BACKGROUND");
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true "
                + "-Dxietong.demo=true -Dxietong.smtp.host=127.0.0.1 -Dxietong.smtp.port=" + (3025 + offset)
                + " -Dxietong.schedules.tick=false -Dxietong.login.clientMaxFailures=100 -Djava.awt.headless=true");
        Process process = builder.start();
        Instant deadline = Instant.now().plus(START_LIMIT);
        while (!Files.exists(deployments.resolve("xietong.ear.deployed"))) {
            if (Files.exists(deployments.resolve("xietong.ear.failed")) || !process.isAlive()
                    || Instant.now().isAfter(deadline)) {
                kill(process);
                fail("the crash test's server did not deploy Xietong; see " + base.resolve("log/server.log"));
            }
            Thread.sleep(250);
        }
        HttpClient http = HttpClient.newHttpClient();
        while (true) {
            try {
                int status = http.send(HttpRequest.newBuilder(url.toURI().resolve("/login.xhtml")).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200) {
                    return process;
                }
            } catch (IOException notYet) {
                // the listener is not open yet
            }
            if (Instant.now().isAfter(deadline)) {
                kill(process);
                fail("the crash test's server does not answer on " + url);
            }
            Thread.sleep(250);
        }
    }

    /** SIGKILL to the server's JVM and the script that started it: nothing is shut down, as in a crash. */
    private static void kill(Process process) throws Exception {
        List<ProcessHandle> tree = new ArrayList<>(process.descendants().toList());
        tree.add(process.toHandle());
        for (ProcessHandle handle : tree) {
            handle.destroyForcibly();
        }
        for (ProcessHandle handle : tree) {
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
    }

    /** The backup set the run writes, once its snapshot has listed the files. */
    private Path awaitSet() throws Exception {
        Path sets = base.resolve("data/xietong/backup-sets");
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(deadline)) {
            if (Files.isDirectory(sets)) {
                try (Stream<Path> list = Files.list(sets)) {
                    List<Path> found = list.filter(p -> Files.exists(p.resolve("files.list"))).toList();
                    if (!found.isEmpty()) {
                        assertEquals(1, found.size(), found::toString);
                        return found.get(0);
                    }
                }
            }
            Thread.sleep(100);
        }
        return fail("the backup run listed no files within two minutes");
    }

    private void awaitLines(Path file, long count) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (lines(file) < count) {
            assertTrue(Instant.now().isBefore(deadline), "the backup run copied fewer than " + count + " files");
            Thread.sleep(20);
        }
    }

    private static void awaitFile(Path file, Duration limit) throws InterruptedException {
        Instant deadline = Instant.now().plus(limit);
        while (!Files.exists(file)) {
            assertTrue(Instant.now().isBefore(deadline), file + " did not appear within " + limit);
            Thread.sleep(200);
        }
    }

    private static long lines(Path file) throws IOException {
        if (!Files.exists(file)) {
            return 0;
        }
        try (Stream<String> lines = Files.lines(file, StandardCharsets.UTF_8)) {
            return lines.count();
        }
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }
}
