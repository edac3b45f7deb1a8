package cn.edu.xietong.backup;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One backup set on disk (E3, O2.2): the database's snapshot, copies of the files the database refers to, and a
 * manifest of every file's SHA-256 in the format of {@code sha256sum} (so {@code sha256sum -c manifest.sha256} checks a
 * set from a shell too).
 * <pre>
 * &lt;set&gt;/database.zip | database.dump   the database's consistent snapshot (H2 BACKUP TO, PostgreSQL pg_dump -Fc)
 * &lt;set&gt;/files.list                     what the set copies, fixed when the snapshot is taken: "size path" lines
 * &lt;set&gt;/files/content/ab/cd/&lt;sha256&gt;  the document content store (xietong.content.dir)
 * &lt;set&gt;/files/publish-copies/…         the publish-time copies (E1, xietong.backup.dir)
 * &lt;set&gt;/manifest.part → manifest.sha256 "sha256  path" for every file of the set, the database's last
 * </pre>
 * A set is complete once {@code manifest.sha256} exists (it is moved into place last). Copying is restartable: the
 * manifest grows by whole lines, each after its file is on disk, and a restart cuts it back to the length its last
 * checkpoint recorded, so no file is listed twice and none is lost.
 */
public final class BackupFolder {

    public static final String FILE_LIST = "files.list";
    public static final String MANIFEST = "manifest.sha256";
    public static final String MANIFEST_PART = "manifest.part";
    public static final String FILES = "files";

    /** A file to copy: its size and its path relative to the set's {@code files/} directory. */
    public record Item(long size, String path) {

        static Item parse(String line) {
            int space = line.indexOf(' ');
            return new Item(Long.parseLong(line.substring(0, space)), line.substring(space + 1));
        }

        String line() {
            return size + " " + path;
        }
    }

    /** A manifest line: the SHA-256 of a file of the set and its path relative to the set. */
    public record Entry(String sha256, String path) {

        static Entry parse(String line) {
            return new Entry(line.substring(0, 64), line.substring(66));
        }

        String line() {
            return sha256 + "  " + path;
        }
    }

    /** A source directory of files and the name it has inside the set's {@code files/}. */
    public record Source(String name, Path directory) {
    }

    /**
     * Files are read and hashed (and copied) a mebibyte at a time: with {@code InputStream.transferTo}'s 8 KB the
     * copy of a set made 128 times as many system calls and digest updates (bench/README.md, backup benchmark).
     */
    private static final int BUFFER = 1 << 20;

    private final Path root;

    public BackupFolder(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public boolean complete() {
        return Files.isRegularFile(root.resolve(MANIFEST));
    }

    /**
     * Fixes what the set will copy: every regular file under the sources, sorted, written to {@code files.list}
     * (temporary files of a store, whose names start with a dot or lie under {@code tmp/}, are not taken).
     *
     * @return the items listed
     */
    public List<Item> listFiles(List<Source> sources) throws IOException {
        List<Item> items = new ArrayList<>();
        for (Source source : sources) {
            if (!Files.isDirectory(source.directory())) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(source.directory())) {
                for (Path file : (Iterable<Path>) walk.filter(Files::isRegularFile).sorted()::iterator) {
                    Path relative = source.directory().relativize(file);
                    if (relative.startsWith("tmp") || relative.getFileName().toString().startsWith(".")) {
                        continue;
                    }
                    items.add(new Item(Files.size(file), source.name() + "/" + slashes(relative)));
                }
            }
        }
        List<String> lines = items.stream().map(Item::line).toList();
        writeSynced(root.resolve(FILE_LIST), String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
        return items;
    }

    /** The list {@link #listFiles} fixed. */
    public List<Item> items() throws IOException {
        try (Stream<String> lines = Files.lines(root.resolve(FILE_LIST), StandardCharsets.UTF_8)) {
            return lines.filter(l -> !l.isBlank()).map(Item::parse).toList();
        }
    }

    /**
     * Copies one listed file from its source into the set, hashing it on the way, and syncs it. A content-store file
     * is named by its SHA-256: one whose bytes no longer match its name is reported, not copied as if sound.
     *
     * @throws IOException when the source is gone or unreadable, or a stored content does not match its name
     */
    public Entry copy(Item item, List<Source> sources) throws IOException {
        int slash = item.path().indexOf('/');
        String sourceName = item.path().substring(0, slash);
        Source source = sources.stream().filter(s -> s.name().equals(sourceName)).findFirst()
                .orElseThrow(() -> new IOException("no source named " + sourceName));
        Path from = source.directory().resolve(item.path().substring(slash + 1)).normalize();
        Path to = inside(FILES + "/" + item.path());
        if (!from.startsWith(source.directory().normalize())) {
            throw new IOException(item.path() + " lies outside its source");
        }
        Files.createDirectories(to.getParent());
        Path part = to.resolveSibling(to.getFileName() + ".part");
        MessageDigest sha = sha256();
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ);
             FileChannel out = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                     StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
            out.force(true);
        }
        String hash = HexFormat.of().formatHex(sha.digest());
        String name = from.getFileName().toString();
        if (name.matches("[0-9a-f]{64}") && !name.equals(hash)) {
            Files.delete(part);
            throw new IOException("stored content " + item.path() + " no longer matches its SHA-256 (" + hash + ")");
        }
        Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Entry(hash, FILES + "/" + item.path());
    }

    /** Hashes a file already in the set (the database's snapshot) for the manifest. */
    public Entry entryOf(String relative) throws IOException {
        MessageDigest sha = sha256();
        try (FileChannel in = FileChannel.open(inside(relative), StandardOpenOption.READ)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            while (in.read(buffer) >= 0) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
        }
        return new Entry(HexFormat.of().formatHex(sha.digest()), relative);
    }

    /**
     * Cuts the growing manifest back to {@code length} bytes, what the last checkpoint recorded (lines written after it
     * belong to files that will be copied again).
     *
     * @return the manifest's length now
     */
    public long resumeManifest(long length) throws IOException {
        Path part = root.resolve(MANIFEST_PART);
        try (FileChannel channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            if (channel.size() > length) {
                channel.truncate(length);
                channel.force(true);
            }
            return channel.size();
        }
    }

    /** Appends whole manifest lines and syncs them; answers the manifest's new length. */
    public long append(List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.line()).append('\n'));
        try (FileChannel channel = FileChannel.open(root.resolve(MANIFEST_PART), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return channel.size();
        }
    }

    /** Completes the set: its manifest moves into place. Answers the manifest's own SHA-256. */
    public String seal() throws IOException {
        Path part = root.resolve(MANIFEST_PART);
        Path manifest = root.resolve(MANIFEST);
        Files.move(part, manifest, StandardCopyOption.ATOMIC_MOVE);
        return entryOf(MANIFEST).sha256();
    }

    /** The complete set's manifest. */
    public List<Entry> manifest() throws IOException {
        try (BufferedReader reader = Files.newBufferedReader(root.resolve(MANIFEST), StandardCharsets.UTF_8)) {
            return reader.lines().filter(l -> !l.isBlank()).map(Entry::parse).toList();
        }
    }

    /** Re-reads one file of the set: empty when it is there with its recorded SHA-256, else what is wrong. */
    public Optional<String> check(Entry entry) {
        try {
            String actual = entryOf(entry.path()).sha256();
            return actual.equals(entry.sha256()) ? Optional.empty()
                    : Optional.of(entry.path() + ": SHA-256 " + actual + ", recorded " + entry.sha256());
        } catch (NoSuchFileException missing) {
            return Optional.of(entry.path() + ": missing");
        } catch (IOException e) {
            return Optional.of(entry.path() + ": " + e.getMessage());
        }
    }

    /** Deletes the whole set. */
    public void delete() throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : (Iterable<Path>) walk.sorted(java.util.Comparator.reverseOrder())::iterator) {
                Files.delete(p);
            }
        }
    }

    private Path inside(String relative) throws IOException {
        Path path = root.resolve(relative).normalize();
        if (!path.startsWith(root.normalize())) {
            throw new IOException(relative + " lies outside the backup set");
        }
        return path;
    }

    private static String slashes(Path relative) {
        return relative.toString().replace(relative.getFileSystem().getSeparator(), "/");
    }

    private static void writeSynced(Path file, String text) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(java.nio.ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
