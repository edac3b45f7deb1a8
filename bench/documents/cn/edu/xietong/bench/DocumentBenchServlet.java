package cn.edu.xietong.bench;

import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.documents.Documents;
import cn.edu.xietong.documents.Level;
import cn.edu.xietong.files.IncomingFile;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.util.HeaderMap;
import io.undertow.util.Headers;
import io.undertow.util.MalformedMessageException;
import io.undertow.util.MultipartParser;
import jakarta.ejb.EJB;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.MultipartConfig;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.PrivilegedExceptionAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * {@code POST /bench/documents/...} (benchmark deployments only; issue #14). Each operation answers {@code key=value}
 * pairs separated by spaces:
 * <ul>
 * <li>{@code heap?reset=true|false}: the server's heap (used, committed, max, and the sum of the heap pools' peaks
 * since the last reset, an upper bound of the peak use), after a full collection when resetting;</li>
 * <li>{@code store?count=&window=&through=&samples=&bytes=}: fills the content store with {@code count} small
 * distinct contents and reports the write rate per window and the latency of opening and reading a stored content
 * by its SHA-256 ({@link ContentStore#open}) at the start and at the end. {@code through} contents at the start and
 * at the end go through {@link ContentStore#store} (the whole upload path: checks, a row per content); the rest are
 * written into the store's layout as it writes them (temporary file, hash, fsync, atomic move to ab/cd/sha256),
 * without the database, whose growth is not the question.</li>
 * <li>{@code receive}: reads the request's body and discards it (no multipart parsing): the ceiling of what Undertow
 * receives on this machine;</li>
 * <li>{@code parse}: reads the body as Undertow's blocking form parser does (in 16 KB reads) and runs Undertow's own
 * {@link MultipartParser} over it, discarding the part's bytes: the ceiling of receiving a multipart upload without
 * writing it anywhere;</li>
 * <li>{@code part}: takes the multipart part {@code file} as the library page's upload does (Undertow writes a part
 * above 1 MB to its temporary file) and puts it into the content store's temporary folder by {@link Part#write} (a
 * move), then deletes it: receiving a file, nothing more;</li>
 * <li>{@code upload?library=}: the product's upload of the part {@code file} as a new document of the library's root
 * folder, by the caller of the session ({@link Documents#upload}: the library page's path without Faces);</li>
 * <li>{@code stages}: where the last upload's time went on the server: the library page's last multipart request
 * ({@link DocumentUploadTimer}) and the content store's last stages (its FINE log line).</li>
 * </ul>
 * The upload operations answer {@code receivedMs} (from the servlet's start to the body received and parsed) and the
 * milliseconds of what followed.
 */
@WebServlet("/bench/documents/*")
@MultipartConfig(fileSizeThreshold = 1024 * 1024, maxFileSize = 220200960, maxRequestSize = 221249536)
public class DocumentBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** The content store's last log line of a stored upload (its stages). */
    private static volatile String lastStored = "none";

    @EJB
    private ContentStore store;

    @EJB
    private Documents documents;

    @Override
    public void init() {
        Logger log = Logger.getLogger(ContentStore.class.getName());
        log.setLevel(java.util.logging.Level.FINE);
        log.addHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getMessage() != null && record.getMessage().startsWith("stored ")) {
                    lastStored = record.getMessage();
                }
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        });
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String answer;
        try {
            answer = switch (request.getPathInfo()) {
                case "/heap" -> heap(Boolean.parseBoolean(request.getParameter("reset")));
                case "/store" -> asStaff(() -> fill(Integer.parseInt(request.getParameter("count")),
                        Integer.parseInt(request.getParameter("window")),
                        Integer.parseInt(request.getParameter("through")),
                        Integer.parseInt(request.getParameter("samples")),
                        Integer.parseInt(request.getParameter("bytes"))));
                case "/receive" -> receive(request);
                case "/parse" -> parse(request);
                case "/part" -> part(request);
                case "/upload" -> upload(request, Long.parseLong(request.getParameter("library")));
                case "/stages" -> "page: " + DocumentUploadTimer.last() + " store: " + lastStored;
                default -> throw new IllegalArgumentException(request.getPathInfo());
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer);
    }

    private static String receive(HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        byte[] buffer = new byte[256 * 1024];
        long bytes = 0;
        try (InputStream in = request.getInputStream()) {
            for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
                bytes += read;
            }
        }
        return "bytes=" + bytes + " receivedMs=" + millis(start);
    }

    private static String parse(HttpServletRequest request) throws IOException {
        long start = System.nanoTime();
        String boundary = Headers.extractQuotedValueFromHeader(request.getContentType(), "boundary");
        long[] bytes = {0};
        MultipartParser.ParseState parser = MultipartParser.beginParse(new DefaultByteBufferPool(false, 1024),
                new MultipartParser.PartHandler() {
                    @Override
                    public void beginPart(HeaderMap headers) {
                    }

                    @Override
                    public void data(ByteBuffer buffer) {
                        bytes[0] += buffer.remaining();
                        buffer.position(buffer.limit());
                    }

                    @Override
                    public void endPart() {
                    }
                }, boundary.getBytes(StandardCharsets.US_ASCII), "UTF-8");
        byte[] read = new byte[16 * 1024];
        ByteBuffer buffer = ByteBuffer.wrap(read);
        try (InputStream in = request.getInputStream()) {
            for (int n = in.read(read); n >= 0; n = in.read(read)) {
                buffer.clear().limit(n);
                parser.parse(buffer);
            }
        } catch (MalformedMessageException e) {
            throw new IOException(e);
        }
        if (!parser.isComplete()) {
            throw new IOException("the multipart body ended early");
        }
        return "bytes=" + bytes[0] + " receivedMs=" + millis(start);
    }

    private static String part(HttpServletRequest request) throws IOException, ServletException {
        long start = System.nanoTime();
        Part part = request.getPart("file");
        long received = System.nanoTime();
        Path target = Files.createDirectories(ContentStore.directory().resolve("tmp"))
                .resolve("bench-part-" + UUID.randomUUID());
        part.write(target.toString());
        long written = System.nanoTime();
        long bytes = Files.size(target);
        Files.delete(target);
        return "bytes=" + bytes + " receivedMs=" + (received - start) / 1_000_000 + " writtenMs="
                + (written - received) / 1_000_000;
    }

    private String upload(HttpServletRequest request, long library) throws IOException, ServletException {
        long start = System.nanoTime();
        Part part = request.getPart("file");
        long received = System.nanoTime();
        long id = documents.upload(library, null, part.getSubmittedFileName(), new IncomingFile() {
            @Override
            public InputStream open() throws IOException {
                return part.getInputStream();
            }

            @Override
            public boolean moveTo(Path target) throws IOException {
                part.write(target.toAbsolutePath().toString());
                return true;
            }
        }, Level.INTERNAL, null);
        return "document=" + id + " receivedMs=" + (received - start) / 1_000_000 + " uploadMs="
                + (System.nanoTime() - received) / 1_000_000 + " store: " + lastStored;
    }

    private static long millis(long since) {
        return (System.nanoTime() - since) / 1_000_000;
    }

    private static String heap(boolean reset) {
        List<MemoryPoolMXBean> pools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        long peak = pools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        if (reset) {
            System.gc();
            pools.forEach(MemoryPoolMXBean::resetPeakUsage);
        }
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        return "usedMB=" + mb(heap.getUsed()) + " committedMB=" + mb(heap.getCommitted()) + " maxMB="
                + mb(heap.getMax()) + " peakSinceResetMB=" + mb(peak) + " pools=" + pools.stream()
                .map(p -> p.getName().replace(' ', '_') + ":" + mb(p.getPeakUsage().getUsed()))
                .collect(Collectors.joining(","));
    }

    private static long mb(long bytes) {
        return bytes / (1024 * 1024);
    }

    private String fill(int count, int window, int through, int samples, int bytes) throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<String> stored = new ArrayList<>(count);
        StringBuilder out = new StringBuilder();
        long t0 = System.nanoTime();
        for (int i = 0; i < through; i++) {
            stored.add(store.store("bench", "bench-" + i + ".txt", new ByteArrayInputStream(content(run, i, bytes)))
                    .sha256());
        }
        out.append(" throughStartPerS=").append(rate(through, t0));
        out.append(" openStartUs=").append(lookups(stored, samples));
        List<Integer> windows = new ArrayList<>();
        long w0 = System.nanoTime();
        for (int i = through; i < count - through; i++) {
            stored.add(place(content(run, i, bytes)));
            if ((i - through + 1) % window == 0) {
                windows.add((int) rate(window, w0));
                w0 = System.nanoTime();
            }
        }
        long t1 = System.nanoTime();
        for (int i = count - through; i < count; i++) {
            stored.add(store.store("bench", "bench-" + i + ".txt", new ByteArrayInputStream(content(run, i, bytes)))
                    .sha256());
        }
        out.append(" throughEndPerS=").append(rate(through, t1));
        out.append(" openEndUs=").append(lookups(stored, samples));
        out.append(" layoutPerSByWindow=").append(windows.stream().map(String::valueOf)
                .collect(Collectors.joining(",")));
        Path dir = ContentStore.directory();
        try (Stream<Path> top = Files.list(dir)) {
            long leafDirs = 0;
            for (Path first : top.filter(p -> p.getFileName().toString().length() == 2).toList()) {
                try (Stream<Path> second = Files.list(first)) {
                    leafDirs += second.count();
                }
            }
            out.append(" leafDirectories=").append(leafDirs);
        }
        out.append(" stored=").append(stored.size()).append(" seconds=")
                .append(String.format("%.1f", (System.nanoTime() - t0) / 1e9));
        return out.toString().strip();
    }

    /** A small plain-text content, distinct for each index of the run. */
    private static byte[] content(String run, int index, int bytes) {
        byte[] line = ("基准文档 " + run + " 第 " + index + " 份\n").getBytes(StandardCharsets.UTF_8);
        byte[] content = new byte[Math.max(bytes, line.length)];
        Arrays.fill(content, (byte) 'x');
        System.arraycopy(line, 0, content, 0, line.length);
        content[content.length - 1] = '\n';
        return content;
    }

    /** What ContentStore does with the bytes of an upload, without the checks and the row. */
    private static String place(byte[] content) throws Exception {
        Path tmp = Files.createTempFile(Files.createDirectories(ContentStore.directory().resolve("tmp")), "bench-",
                ".part");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            channel.write(java.nio.ByteBuffer.wrap(content));
            channel.force(true);
        }
        Path target = ContentStore.pathOf(sha);
        Files.createDirectories(target.getParent());
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        return sha;
    }

    /** Median and 99th percentile in microseconds of opening and reading random stored contents. */
    private String lookups(List<String> stored, int samples) throws IOException {
        Random random = new Random(stored.size());
        long[] micros = new long[samples];
        byte[] buffer = new byte[8192];
        for (int i = 0; i < samples; i++) {
            String sha = stored.get(random.nextInt(stored.size()));
            long t = System.nanoTime();
            try (InputStream in = store.open(sha)) {
                while (in.read(buffer) >= 0) {
                    // read it whole
                }
            }
            micros[i] = (System.nanoTime() - t) / 1000;
        }
        Arrays.sort(micros);
        return "median:" + micros[samples / 2] + ",p99:" + micros[samples * 99 / 100] + ",n:" + samples + ",of:"
                + stored.size();
    }

    private static long rate(int done, long since) {
        return Math.round(done / ((System.nanoTime() - since) / 1e9));
    }

    private static String asStaff(Callable<String> action) throws Exception {
        return SecurityDomain.getCurrent().createAdHocIdentity("bench")
                .withDefaultRoleMapper(RoleMapper.constant(Roles.of("STAFF")))
                .runAs((PrivilegedExceptionAction<String>) action::call);
    }
}
