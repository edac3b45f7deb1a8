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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/**
 * The content store (O3.5, S1): document bytes live on disk, one file per distinct SHA-256 under
 * {@code -Dxietong.content.dir} (default {@code ${jboss.server.data.dir}/xietong/content}; every server of a cluster
 * mounts the same directory), at {@code ab/cd/<sha256>}. An upload streams to a temporary file in the store while it
 * is hashed — never held in memory — is checked by content ({@link UploadCheck}) and scanned ({@link UploadScan}, fail
 * closed), synced to disk and moved into place atomically; a {@link ContentBlob} row records it. The same bytes
 * uploaded twice are stored once. Files never change once written, so a backup that copies the database first and
 * the files afterwards is consistent. Deleting unreferenced content is the cleanup job's
 * ({@link #unreferencedOlderThanADay()}).
 */
@Stateless
@RolesAllowed("STAFF")
public class ContentStore {

    /** Default largest document: 200 MB; the setting {@code xietong.documents.maxBytes} changes it (O2.1). */
    public static final long DEFAULT_MAX_BYTES = 200L * 1024 * 1024;

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
     * a file is moved into the store's temporary place and hashed there (written once, not copied).
     */
    public StoredContent store(String login, String fileName, IncomingFile content) {
        String name = UploadCheck.checkName(fileName);
        long max = maxBytes();
        Path temporary = null;
        try {
            Path dir = Files.createDirectories(directory().resolve("tmp"));
            temporary = dir.resolve("upload-" + UUID.randomUUID() + ".part");
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            long size;
            if (content.moveTo(temporary)) {
                try (InputStream in = Files.newInputStream(temporary)) {
                    size = digest(in, OutputStream.nullOutputStream(), sha, max);
                }
            } else {
                try (InputStream in = content.open(); OutputStream out = Files.newOutputStream(temporary,
                        StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                    size = digest(in, out, sha, max);
                }
            }
            String sha256 = HexFormat.of().formatHex(sha.digest());
            Path file = temporary;
            UploadCheck.Accepted accepted;
            try {
                accepted = UploadCheck.check(name, file, sha256, max);
            } catch (InvalidInputException refused) {
                audit.record(AuditEvent.FILE_UPLOAD, AuditOutcome.FAILURE, login, null,
                        refused.messageKey() + " " + UploadCheck.describe(fileName));
                throw refused;
            }
            String scannedBy = scanner.scan(login, accepted, () -> Files.newInputStream(file));
            // The row first, locked, then the file: the weekly cleanup removes an unreferenced content (its file, then
            // its row) holding the same lock, so the same bytes uploaded meanwhile either wait for that removal to
            // commit and are stored anew, or hold the row until the caller's version refers to it (E3, O3.5).
            ContentBlob blob = em.find(ContentBlob.class, sha256, LockModeType.PESSIMISTIC_WRITE);
            place(temporary, sha256);
            temporary = null;
            if (blob == null) {
                em.persist(new ContentBlob(sha256, size, clock.now()));
            }
            return new StoredContent(accepted.name(), accepted.contentType(), size, sha256, scannedBy);
        } catch (IOException e) {
            throw new UncheckedIOException("the content store at " + directory() + " failed", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
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
    private static void place(Path temporary, String sha256) throws IOException {
        Path target = pathOf(sha256);
        if (Files.exists(target)) {
            Files.delete(temporary);
            return;
        }
        try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
            channel.force(true);
        }
        Files.createDirectories(target.getParent());
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException sameContentMeanwhile) {
            Files.delete(temporary);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("the content store needs a file system with atomic moves", e);
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
