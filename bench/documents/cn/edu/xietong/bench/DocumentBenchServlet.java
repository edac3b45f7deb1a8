package cn.edu.xietong.bench;

import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.documents.StoredContent;
import jakarta.ejb.EJB;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.wildfly.security.auth.server.SecurityDomain;
import org.wildfly.security.authz.RoleMapper;
import org.wildfly.security.authz.Roles;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
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
import java.util.concurrent.Callable;
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
 * </ul>
 */
@WebServlet("/bench/documents/*")
public class DocumentBenchServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @EJB
    private ContentStore store;

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
                default -> throw new IllegalArgumentException(request.getPathInfo());
            };
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        response.setContentType("text/plain");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write(answer);
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
