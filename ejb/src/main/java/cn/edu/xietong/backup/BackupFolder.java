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
 * &lt;set&gt;/database/oa.mv.db | database.dump  the database's consistent snapshot (H2's file as BACKUP TO copies it;
 *                                       PostgreSQL pg_dump -Fc); sets made before held H2's as database.zip
 * &lt;set&gt;/snapshot.sha256                 the snapshot's manifest line, hashed as it was written
 * &lt;set&gt;/files.list                      what the set copies, listed before the snapshot: "size path" lines
 * &lt;set&gt;/files-late.list                 files stored while the snapshot was taken, listed after it
 * &lt;set&gt;/files/content/ab/cd/&lt;sha256&gt;   the document content store (xietong.content.dir)
 * &lt;set&gt;/files/publish-copies/…          the publish-time copies (E1, xietong.backup.dir)
 * &lt;set&gt;/manifest.part, manifest-late.part   the two lists' manifest lines as their files are copied
 * &lt;set&gt;/manifest.sha256                 "sha256  path" for every file of the set, the database's last
 * </pre>
 * Both stores' files are written once and never changed, so they can be copied while the snapshot is taken: what was
 * listed before it is copied beside it, and what was stored until it ended is listed afterwards and copied then. A set
 * is complete once {@code manifest.sha256} exists (written whole from the parts and moved into place last). Copying is
 * restartable: each list's manifest part grows by whole lines, each after its file is on disk, and a restart cuts it
 * back to the length its last checkpoint recorded, so no file is listed twice and none is lost.
 */
public final class BackupFolder {

    public static final String FILE_LIST = "files.list";
    public static final String LATE_FILE_LIST = "files-late.list";
    public static final String MANIFEST = "manifest.sha256";
    public static final String MANIFEST_PART = "manifest.part";
    public static final String LATE_MANIFEST_PART = "manifest-late.part";
    public static final String SNAPSHOT_ENTRY = "snapshot.sha256";
    public static final String DATABASE = "database";
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
        List<Item> items = walk(sources);
        writeList(FILE_LIST, items);
        return items;
    }

    /**
     * Lists what was stored after {@link #listFiles} (while the snapshot was taken) in {@code files-late.list}: every
     * file under the sources that the first list does not hold.
     *
     * @return the late items
     */
    public List<Item> listLateFiles(List<Source> sources) throws IOException {
        java.util.Set<String> first = new java.util.HashSet<>();
        listed(FILE_LIST).forEach(item -> first.add(item.path()));
        List<Item> late = walk(sources).stream().filter(item -> !first.contains(item.path())).toList();
        writeList(LATE_FILE_LIST, late);
        return late;
    }

    private static List<Item> walk(List<Source> sources) throws IOException {
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
        return items;
    }

    private void writeList(String name, List<Item> items) throws IOException {
        List<String> lines = items.stream().map(Item::line).toList();
        writeSynced(root.resolve(name), String.join("\n", lines) + (lines.isEmpty() ? "" : "\n"));
    }

    /** Everything the set copies: both lists. */
    public List<Item> items() throws IOException {
        List<Item> all = new ArrayList<>(listed(FILE_LIST));
        if (Files.isRegularFile(root.resolve(LATE_FILE_LIST))) {
            all.addAll(listed(LATE_FILE_LIST));
        }
        return all;
    }

    /** One list's items ({@link #FILE_LIST} or {@link #LATE_FILE_LIST}). */
    public List<Item> listed(String list) throws IOException {
        try (Stream<String> lines = Files.lines(inside(list), StandardCharsets.UTF_8)) {
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
        String hash;
        try (FileChannel in = FileChannel.open(from, StandardOpenOption.READ)) {
            hash = copySynced(in, part);
        }
        String name = from.getFileName().toString();
        if (name.matches("[0-9a-f]{64}") && !name.equals(hash)) {
            Files.delete(part);
            throw new IOException("stored content " + item.path() + " no longer matches its SHA-256 (" + hash + ")");
        }
        Files.move(part, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Entry(hash, FILES + "/" + item.path());
    }

    /**
     * Copies what {@code in} holds from its start to its end into a new file {@code to}, hashing it on the way, and
     * syncs it.
     *
     * @return the SHA-256 of the bytes copied (hex)
     */
    static String copySynced(FileChannel in, Path to) throws IOException {
        MessageDigest sha = sha256();
        try (FileChannel out = FileChannel.open(to, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer buffer = ByteBuffer.allocate(BUFFER);
            long position = 0;
            for (int read; (read = in.read(buffer, position)) >= 0; position += read) {
                buffer.flip();
                sha.update(buffer.array(), 0, buffer.limit());
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                buffer.clear();
            }
            out.force(true);
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /** Records the snapshot's manifest line, hashed as it was written ({@code snapshot.sha256}, synced). */
    public void recordSnapshot(Entry entry) throws IOException {
        writeSynced(root.resolve(SNAPSHOT_ENTRY), entry.line() + "\n");
    }

    /** The snapshot's manifest line {@link #recordSnapshot} recorded. */
    public Optional<Entry> snapshotEntry() throws IOException {
        Path file = root.resolve(SNAPSHOT_ENTRY);
        return Files.isRegularFile(file) ? Optional.of(Entry.parse(Files.readString(file, StandardCharsets.UTF_8)
                .strip())) : Optional.empty();
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
        return resumeManifest(MANIFEST_PART, length);
    }

    /** {@link #resumeManifest(long)} for one list's manifest part ({@link #MANIFEST_PART}, {@link #LATE_MANIFEST_PART}). */
    public long resumeManifest(String partName, long length) throws IOException {
        Path part = inside(partName);
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
        return append(MANIFEST_PART, entries);
    }

    /** {@link #append(List)} to one list's manifest part. */
    public long append(String partName, List<Entry> entries) throws IOException {
        StringBuilder text = new StringBuilder();
        entries.forEach(e -> text.append(e.line()).append('\n'));
        try (FileChannel channel = FileChannel.open(inside(partName), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            channel.write(java.nio.ByteBuffer.wrap(text.toString().getBytes(StandardCharsets.UTF_8)));
            channel.force(true);
            return channel.size();
        }
    }

    /**
     * Completes the set: the manifest is written whole — both parts' lines, then {@code own} (the database's snapshot,
     * the keystore) — synced and moved into place; the parts go. A set sealed already keeps its manifest (a restart
     * after the move). Answers the manifest's own SHA-256.
     */
    public String seal(List<Entry> own) throws IOException {
        if (complete()) {
            return entryOf(MANIFEST).sha256();
        }
        StringBuilder text = new StringBuilder();
        for (String partName : List.of(MANIFEST_PART, LATE_MANIFEST_PART)) {
            Path part = root.resolve(partName);
            if (Files.isRegularFile(part)) {
                text.append(Files.readString(part, StandardCharsets.UTF_8));
            }
        }
        own.forEach(e -> text.append(e.line()).append('\n'));
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        Path written = root.resolve(MANIFEST + ".tmp");
        try (FileChannel channel = FileChannel.open(written, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            channel.write(ByteBuffer.wrap(bytes));
            channel.force(true);
        }
        Files.move(written, root.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE);
        Files.deleteIfExists(root.resolve(MANIFEST_PART));
        Files.deleteIfExists(root.resolve(LATE_MANIFEST_PART));
        return HexFormat.of().formatHex(sha256().digest(bytes));
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
