package cn.edu.xietong.files;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Scans bytes with ClamAV's daemon (S1: uploads are checked for viruses) over its TCP protocol, one connection per
 * scan (IDSESSION: VERSION, then INSTREAM). Configured by {@code -Dxietong.clamd.host} (and
 * {@code -Dxietong.clamd.port}, default 3310); without a host no scanner is configured and uploads are stored
 * unscanned, which the page says. With a host, a file is stored only when clamd
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
     * Scans the content, in one clamd session (IDSESSION): the daemon's version first, kept with the verdict, then the
     * bytes (INSTREAM).
     *
     * @throws IOException when the daemon cannot be reached or answers with an error
     */
    public Verdict scan(byte[] content) throws IOException {
        return scan(new java.io.ByteArrayInputStream(content));
    }

    /**
     * Scans what the stream holds, sent in chunks as it is read (a large file is never held in memory). clamd refuses
     * a stream longer than its {@code StreamMaxLength} (Debian's default 25 MB) with an error, which fails closed.
     *
     * @throws IOException when the daemon cannot be reached or answers with an error
     */
    public Verdict scan(InputStream content) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), TIMEOUT_MILLIS);
            socket.setSoTimeout(TIMEOUT_MILLIS);
            DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), CHUNK + 4));
            InputStream in = socket.getInputStream();
            out.write(ascii("zIDSESSION\0zVERSION\0"));
            out.flush();
            String version = reply(in);
            out.write(ascii("zINSTREAM\0"));
            byte[] chunk = new byte[CHUNK];
            for (int length = content.readNBytes(chunk, 0, CHUNK); length > 0;
                 length = content.readNBytes(chunk, 0, CHUNK)) {
                out.writeInt(length);
                out.write(chunk, 0, length);
            }
            out.writeInt(0);
            out.flush();
            // "stream: OK", "stream: <signature> FOUND", or "... ERROR"
            String answer = reply(in);
            end(out);
            if (answer.endsWith(" FOUND")) {
                String finding = answer.substring(answer.indexOf(':') + 1, answer.length() - " FOUND".length()).strip();
                return new Verdict(false, finding, version);
            }
            if (answer.endsWith(": OK")) {
                return new Verdict(true, null, version);
            }
            throw new IOException("clamd answered: " + answer);
        }
    }

    /**
     * Whether the daemon answers (PING → PONG), within {@code timeoutMillis}; for the health check, which must answer
     * quickly.
     */
    public boolean answers(int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(ascii("zPING\0"));
            socket.getOutputStream().flush();
            return "PONG".equals(readAnswer(socket.getInputStream()));
        } catch (IOException e) {
            return false;
        }
    }

    /** The daemon's version line (VERSION), within {@code timeoutMillis}; empty when it does not answer. */
    public Optional<String> version(int timeoutMillis) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), timeoutMillis);
            socket.setSoTimeout(timeoutMillis);
            socket.getOutputStream().write(ascii("zVERSION\0"));
            socket.getOutputStream().flush();
            String answer = readAnswer(socket.getInputStream());
            return answer.isEmpty() ? Optional.empty() : Optional.of(answer);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Ends the session politely; the verdict is in already, and closing the socket would end it as well. */
    private static void end(DataOutputStream out) {
        try {
            out.write(ascii("zEND\0"));
            out.flush();
        } catch (IOException closedByDaemon) {
            // nothing is lost: the answer has been read
        }
    }

    private static byte[] ascii(String command) {
        return command.getBytes(StandardCharsets.US_ASCII);
    }

    /** The next reply of the session, without the request number clamd puts before it ("2: stream: OK"). */
    private static String reply(InputStream in) throws IOException {
        String reply = readAnswer(in);
        int colon = reply.indexOf(": ");
        if (colon < 0 || !reply.substring(0, colon).chars().allMatch(Character::isDigit)) {
            throw new IOException("clamd answered: " + reply);
        }
        return reply.substring(colon + 2);
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
