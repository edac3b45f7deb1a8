package cn.edu.xietong.files;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Scans bytes with ClamAV's daemon (S1: uploads are checked for viruses) over its TCP protocol (INSTREAM). Configured
 * by {@code -Dxietong.clamd.host} (and {@code -Dxietong.clamd.port}, default 3310); without a host no scanner is
 * configured and uploads are stored unscanned, which the page says. With a host, a file is stored only when clamd
 * answers that it is clean: an unreachable or failing daemon refuses the upload (fail closed).
 */
public final class VirusScanner {

    private static final int CHUNK = 64 * 1024;
    private static final int TIMEOUT_MILLIS = 30_000;

    /** The daemon's verdict: clean (with the daemon's version), or the name of what it found. */
    public record Verdict(boolean clean, String finding, String scanner) {
    }

    private final String host;
    private final int port;

    public VirusScanner(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /** The scanner the system properties configure, if any. */
    public static Optional<VirusScanner> configured() {
        String host = System.getProperty("xietong.clamd.host", "");
        if (host.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(new VirusScanner(host.strip(), Integer.getInteger("xietong.clamd.port", 3310)));
    }

    /**
     * Scans the content.
     *
     * @throws IOException when the daemon cannot be reached or answers with an error
     */
    public Verdict scan(byte[] content) throws IOException {
        String version = command("zVERSION\0".getBytes(StandardCharsets.US_ASCII), null);
        String answer = command("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII), content);
        // "stream: OK", "stream: <signature> FOUND", or "... ERROR"
        if (answer.endsWith(" FOUND")) {
            String finding = answer.substring(answer.indexOf(':') + 1, answer.length() - " FOUND".length()).strip();
            return new Verdict(false, finding, version);
        }
        if (answer.endsWith(": OK")) {
            return new Verdict(true, null, version);
        }
        throw new IOException("clamd answered: " + answer);
    }

    private String command(byte[] command, byte[] stream) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(socket.getOutputStream());
            out.write(command);
            if (stream != null) {
                for (int at = 0; at < stream.length; at += CHUNK) {
                    int length = Math.min(CHUNK, stream.length - at);
                    out.writeInt(length);
                    out.write(stream, at, length);
                }
                out.writeInt(0);
            }
            out.flush();
            return readAnswer(socket.getInputStream());
        }
    }

    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        for (int b = in.read(); b > 0 && answer.size() < 4096; b = in.read()) {
            answer.write(b);
        }
        return answer.toString(StandardCharsets.UTF_8).strip();
    }

    @Override
    public String toString() {
        return "clamd " + host + ":" + port;
    }
}
