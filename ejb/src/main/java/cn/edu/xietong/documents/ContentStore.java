package cn.edu.xietong.documents;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.files.IncomingFile;
import cn.edu.xietong.files.UploadCheck;
import cn.edu.xietong.files.UploadScan;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * The content store (O3.5, S1): document bytes live on disk, one file per distinct SHA-256 under
 * {@code -Dxietong.content.dir} (default {@code ${jboss.server.data.dir}/xietong/content}; every server of a cluster
 * mounts the same directory), at {@code ab/cd/<sha256>}. An upload goes to a temporary file in the store (a file the
 * container already received is moved there, a stream is copied) — never held in memory —, is checked by content
 * ({@link UploadCheck}), scanned ({@link UploadScan}, fail closed) and hashed on the scan's read of it, synced to disk
 * and moved into place atomically; a {@link ContentBlob} row records it. Each stage's time is logged at FINE. The same
 * bytes uploaded twice are stored once. Files never change once written, so a backup that copies the database first
 * and the files afterwards is consistent. Deleting unreferenced content is the cleanup job's
 * ({@link #unreferencedOlderThanADay()}).
 */
@Stateless
@RolesAllowed("STAFF")
public class ContentStore {

    /** Default largest document: 200 MB; the setting {@code xietong.documents.maxBytes} changes it (O2.1). */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

    private static final Logger LOG = Logger.getLogger(ContentStore.class.getName());

    @PersistenceContext
    private EntityManager em;

    @EJB
    private OfficeClock clock;

    @EJB
    private UploadScan scanner;

    @EJB
    private AuditTrail audit;

    @EJB
    private Settings settings;

    /** The largest document the store takes now (the setting, changed by the administrator or at start-up). */
    public long maxBytes() {
        return settings.number(Setting.DOCUMENT_MAX_BYTES);
    }

    /** The store's directory. */
    public static Path directory() {
        String configured = System.getProperty("xietong.content.dir", "");
        if (!configured.isBlank()) {
            return Path.of(configured.strip());
        }
        return Path.of(System.getProperty("jboss.server.data.dir", System.getProperty("java.io.tmpdir")),
                "xietong", "content");
    }

    /** Where the content of this SHA-256 lives. */
    public static Path pathOf(String sha256) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256: " + sha256);
        }
        return directory().resolve(sha256.substring(0, 2)).resolve(sha256.substring(2, 4)).resolve(sha256);
    }

    /**
     * Takes an upload in: streams it to the store, checks and scans it, and keeps it once per distinct content.
     *
     * @throws InvalidInputException (message key {@code file.…}) when refused; then nothing is stored
     */
    public StoredContent store(String login, String fileName, InputStream content) {
        return store(login, fileName, IncomingFile.of(content));
    }

    /**
     * Takes an upload in as {@link #store(String, String, InputStream)} does; an upload the container already wrote to
     * a file is moved into the store's temporary place (written once, not copied), checked, and hashed on the virus
     * scan's read of it (read once, not twice).
     */
    public StoredContent store(String login, String fileName, IncomingFile content) {
        String name = UploadCheck.checkName(fileName);
        long max = maxBytes();
        Path temporary = null;
        Stages stages = new Stages();
        try {
            Path dir = Files.createDirectories(directory().resolve("tmp"));
            temporary = dir.resolve("upload-" + UUID.randomUUID() + ".part");
            Path file = temporary;
            HashedFile hashed;
            if (content.moveTo(temporary)) {
                stages.end("moved");
                long size = Files.size(temporary);
                if (size > max) {
                    throw UploadCheck.tooLarge(max);
                }
                hashed = new HashedFile(file, size, null);
            } else {
                MessageDigest sha = sha256();
                long size;
                try (InputStream in = content.open(); OutputStream out = Files.newOutputStream(temporary,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    size = digest(in, out, sha, max);
                }
                hashed = new HashedFile(file, size, HexFormat.of().formatHex(sha.digest()));
                stages.end("copied and hashed");
            }
            String contentType;
            try {
                contentType = UploadCheck.checkFile(name, file, max);
            } catch (InvalidInputException refused) {
                audit.record(AuditEvent.FILE_UPLOAD, AuditOutcome.FAILURE, login, null,
                        refused.messageKey() + " " + UploadCheck.describe(fileName));
                throw refused;
            }
            stages.end("checked");
            String scannedBy = scanner.scan(login, name, hashed::sha256, hashed);
            stages.end(scannedBy == null ? "not scanned" : "scanned");
            String sha256 = hashed.sha256();
            stages.end("hashed");
            long size = hashed.size();
            // The row first, locked, then the file: the weekly cleanup removes an unreferenced content (its file, then
            // its row) holding the same lock, so the same bytes uploaded meanwhile either wait for that removal to
            // commit and are stored anew, or hold the row until the caller's version refers to it (E3, O3.5).
            ContentBlob blob = em.find(ContentBlob.class, sha256, LockModeType.PESSIMISTIC_WRITE);
            place(temporary, sha256, stages);
            temporary = null;
            if (blob == null) {
                em.persist(new ContentBlob(sha256, size, clock.now()));
            }
            stages.end("recorded");
            LOG.fine(() -> "stored " + sha256 + " (" + size + " B) in " + stages);
            return new StoredContent(name, contentType, size, sha256, scannedBy);
        } catch (IOException e) {
            throw new UncheckedIOException("the content store at " + directory() + " failed", e);
        } finally {
            if (temporary != null) {
                try {
                    Files.deleteIfExists(temporary);
                } catch (IOException ignored) {
                    // an orphaned temporary file holds nothing anyone refers to
                }
            }
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /**
     * The upload's temporary file as the virus scan reads it: a read to its end also gives its SHA-256, so the scan
     * and the hash share one read. When nothing read it whole (no scanner in demo mode), {@link #sha256()} reads it.
     */
    private static final class HashedFile implements UploadCheck.Source {
        private final Path file;
        private final long size;
        private volatile String sha256;

        HashedFile(Path file, long size, String sha256) {
            this.file = file;
            this.size = size;
            this.sha256 = sha256;
        }

        long size() {
            return size;
        }

        @Override
        public InputStream open() throws IOException {
            if (sha256 != null) {
                return Files.newInputStream(file);
            }
            MessageDigest sha = ContentStore.sha256();
            return new DigestInputStream(Files.newInputStream(file), sha) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    read += b < 0 ? 0 : 1;
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    read += Math.max(n, 0);
                    return n;
                }

                @Override
                public void close() throws IOException {
                    super.close();
                    if (read == size && sha256 == null) {
                        sha256 = HexFormat.of().formatHex(sha.digest());
                    }
                }
            };
        }

        /** The file's SHA-256: from the read that went through it whole, else from a read of its own. */
        String sha256() {
            if (sha256 == null) {
                try (InputStream in = open()) {
                    byte[] buffer = new byte[256 * 1024];
                    while (in.read(buffer) >= 0) {
                        // the stream hashes what passes
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return sha256;
        }
    }

    /** Copies the bytes to {@code out} while hashing them; refuses more than {@code max} of them. Answers their count. */
    private static long digest(InputStream in, OutputStream out, MessageDigest sha, long max) throws IOException {
        byte[] buffer = new byte[256 * 1024];
        long size = 0;
        for (int read = in.read(buffer); read >= 0; read = in.read(buffer)) {
            size += read;
            if (size > max) {
                throw UploadCheck.tooLarge(max);
            }
            sha.update(buffer, 0, read);
            out.write(buffer, 0, read);
        }
        return size;
    }

    /** Syncs the temporary file and moves it to its place, unless the same content is there already. */
    private static void place(Path temporary, String sha256, Stages stages) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            Files.delete(temporary);
            return;
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        stages.end("synced");
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContentMeanwhile) {
            Files.delete(temporary);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the content store needs a file system with atomic moves", e);
        }
        stages.end("placed");
    }

    /**
     * Where the time of one {@link #store} goes, logged at FINE ({@code cn.edu.xietong.documents.ContentStore}): the
     * milliseconds of each stage in order, e.g. {@code 812 ms: moved 0, checked 0, scanned 745, hashed 0, synced 60, ...}.
     */
    private static final class Stages {
        private final long start = System.nanoTime();
        private long last = start;
        private final StringBuilder ended = new StringBuilder();

        void end(String stage) {
            long now = System.nanoTime();
            ended.append(ended.isEmpty() ? "" : ", ").append(stage).append(' ').append((now - last) / 1_000_000);
            last = now;
        }

        @Override
        public String toString() {
            return (last - start) / 1_000_000 + " ms: " + ended;
        }
    }

    /** Opens stored content for reading. */
    public InputStream open(String sha256) {
        try {
            return Files.newInputStream(pathOf(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException("content " + sha256 + " is missing from " + directory(), e);
        }
    }

    /**
     * The contents no document version refers to, stored more than a day ago (younger ones may belong to an upload
     * still in progress): what the cleanup job may delete, file first and row afterwards.
     */
    public List<String> unreferencedOlderThanADay() {
        return em.createNamedQuery(ContentBlob.UNREFERENCED, String.class)
                .setParameter("before", clock.now().minus(Duration.ofDays(1))).getResultList();
    }
}
