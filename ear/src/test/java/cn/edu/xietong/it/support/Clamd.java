package cn.edu.xietong.it.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.TimeUnit;

/**
 * A real ClamAV daemon (Debian's clamav-daemon, which .ci/run installs) on a free local port, for the tests of the
 * upload scan (S1). The machine has no internet for freshclam, so the daemon loads one signature of our own: the
 * MD5 of the EICAR anti-virus test file, which {@link #eicar()} builds at run time.
 */
public final class Clamd implements AutoCloseable {

    public static final String SIGNATURE = "Xietong.Test.EICAR";

    private final Process process;
    private final int port;
    private final Path directory;

    private Clamd(Process process, int port, Path directory) {
        this.process = process;
        this.port = port;
        this.directory = directory;
    }

    /** Starts the daemon and waits until it answers. */
    public static Clamd start() throws IOException, InterruptedException {
        Path clamd = Path.of("/usr/sbin/clamd");
        if (!Files.isExecutable(clamd)) {
            throw new IllegalStateException("clamd is missing: apt-get install clamav-daemon (see .ci/run)");
        }
        Path directory = Files.createTempDirectory("xietong-clamd");
        Path database = Files.createDirectories(directory.resolve("db"));
        byte[] eicar = eicar();
        Files.writeString(database.resolve("xietong-test.hdb"),
                md5(eicar) + ":" + eicar.length + ":" + SIGNATURE + "\n");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Path config = directory.resolve("clamd.conf");
        // StreamMaxLength as docs/operations.md asks of production: documents of up to 200 MB are scanned whole
        Files.writeString(config, "Foreground yes\nTCPSocket " + port + "\nTCPAddr 127.0.0.1\nDatabaseDirectory "
                + database + "\nLogFile " + directory.resolve("clamd.log") + "\nStreamMaxLength 210M\n");
        Process process = new ProcessBuilder(clamd.toString(), "-c", config.toString())
                .redirectErrorStream(true).redirectOutput(directory.resolve("out.txt").toFile()).start();
        Clamd daemon = new Clamd(process, port, directory);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("clamd ended: " + Files.readString(directory.resolve("out.txt")));
            }
            try (Socket probe = new Socket("127.0.0.1", port)) {
                return daemon;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        daemon.close();
        throw new IllegalStateException("clamd did not answer on port " + port);
    }

    public int port() {
        return port;
    }

    /** The 68-byte EICAR test file (harmless by design; every scanner treats it as a virus). */
    public static byte[] eicar() {
        String[] parts = {"X5O!P%@AP[4\\PZX54(P^)7CC)7}$", "EICAR-STANDARD-ANTIVIRUS-", "TEST-FILE!$H+H*"};
        return String.join("", parts).getBytes(StandardCharsets.US_ASCII);
    }

    private static String md5(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
