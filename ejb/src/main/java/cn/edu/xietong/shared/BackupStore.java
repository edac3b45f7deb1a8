package cn.edu.xietong.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The backup store (E1): a directory outside the database, {@code -Dxietong.backup.dir} (by default
 * {@code <server data dir>/xietong/backup}; one shared mount when several servers run), where copies that must not
 * change are written once — publish-time copies of important notices, copies of archived documents. Each is streamed
 * to a temporary file beside its place while hashed, forced to disk, moved into place atomically and made read-only;
 * the weekly backup takes the directory as it is.
 */
public final class BackupStore {

    /** The system property naming the store. */
    public static final String DIRECTORY = "xietong.backup.dir";

    private BackupStore() {
    }

    /** A copy written: where (relative to the store), its SHA-256 and size. */
    public record Copy(String path, String sha256, long size) {
    }

    /** The store's root. */
    public static Path directory() {
        return ServerFiles.located(DIRECTORY, "backup");
    }

    /**
     * Writes a copy once at {@code relative}. A copy already there with the same content is kept as it is.
     *
     * @throws IOException when it cannot be written, or something else is already at that place
     */
    public static Copy write(String relative, InputStream content) throws IOException {
        Path target = directory().resolve(relative).normalize();
        if (!target.startsWith(directory().normalize())) {
            throw new IOException(relative + " is outside the backup store");
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), ".copy-", ".part");
        try {
            MessageDigest digest = sha256();
            long size;
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), digest)) {
                size = content.transferTo(out);
                out.flush();
                channel.force(true);
            }
            String sha = HexFormat.of().formatHex(digest.digest());
            if (Files.exists(target)) {
                if (!sha.equals(hash(target))) {
                    throw new IOException(target + " exists with other content");
                }
            } else {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
                target.toFile().setWritable(false, false);
            }
            return new Copy(directory().relativize(target).toString(), sha, size);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String hash(Path file) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(file);
             OutputStream sink = new DigestOutputStream(OutputStream.nullOutputStream(), digest)) {
            in.transferTo(sink);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException(impossible);
        }
    }
}
