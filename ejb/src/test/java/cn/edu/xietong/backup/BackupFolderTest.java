package cn.edu.xietong.backup;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** E3, O2.2: a backup set's files, manifest and verification, and what a restart does to them. */
class BackupFolderTest {

    @TempDir
    Path temp;

    private static String sha256(byte[] bytes) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** A content store with its files named by their SHA-256 (and one temporary file) and a publish-copy store. */
    private List<BackupFolder.Source> sources(int contents) throws Exception {
        Path content = Files.createDirectories(temp.resolve("content"));
        for (int i = 0; i < contents; i++) {
            byte[] bytes = ("内容 " + i).getBytes(StandardCharsets.UTF_8);
            String sha = sha256(bytes);
            Path file = content.resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
        }
        Files.createDirectories(content.resolve("tmp"));
        Files.writeString(content.resolve("tmp/upload-1.part"), "half an upload");
        Path copies = Files.createDirectories(temp.resolve("publish/notices/2026"));
        Files.writeString(copies.resolve("规章.html"), "<p>规章</p>");
        return List.of(new BackupFolder.Source("content", content),
                new BackupFolder.Source("publish-copies", temp.resolve("publish")));
    }

    private BackupFolder set() throws IOException {
        return new BackupFolder(Files.createDirectories(temp.resolve("sets/one")));
    }

    @Test
    void aSetCopiesEveryListedFileWithItsHashAndItsManifestChecksClean() throws Exception {
        List<BackupFolder.Source> sources = sources(3);
        BackupFolder set = set();
        List<BackupFolder.Item> items = set.listFiles(sources);
        assertEquals(4, items.size(), "three contents and one publish copy, no temporary file: " + items);
        assertEquals(items, set.items(), "the list is fixed on disk");
        List<BackupFolder.Entry> entries = new ArrayList<>();
        for (BackupFolder.Item item : items) {
            entries.add(set.copy(item, sources));
        }
        set.append(entries);
        assertFalse(set.complete());
        set.seal(List.of());
        assertTrue(set.complete());
        assertEquals(entries, set.manifest());
        for (BackupFolder.Entry entry : set.manifest()) {
            assertEquals(entry.sha256(), sha256(Files.readAllBytes(set.root().resolve(entry.path()))));
            assertTrue(set.check(entry).isEmpty(), entry.toString());
        }
        String line = Files.readAllLines(set.root().resolve(BackupFolder.MANIFEST)).get(0);
        assertTrue(line.matches("[0-9a-f]{64}  files/content/.+"), "sha256sum's format: " + line);
    }

    @Test
    void aRestartCutsTheManifestBackToItsCheckpointSoNoFileIsListedTwice() throws Exception {
        List<BackupFolder.Source> sources = sources(5);
        BackupFolder set = set();
        List<BackupFolder.Item> items = set.listFiles(sources);
        long checkpoint = set.append(List.of(set.copy(items.get(0), sources), set.copy(items.get(1), sources)));
        // the next chunk was written but the run died before its checkpoint was committed
        set.append(List.of(set.copy(items.get(2), sources)));
        assertEquals(checkpoint, set.resumeManifest(checkpoint));
        for (BackupFolder.Item item : items.subList(2, items.size())) {
            set.append(List.of(set.copy(item, sources)));
        }
        set.seal(List.of());
        List<String> paths = set.manifest().stream().map(BackupFolder.Entry::path).toList();
        assertEquals(items.size(), paths.size());
        assertEquals(items.size(), paths.stream().distinct().count(), "each file once: " + paths);
    }

    @Test
    void aStoredContentThatNoLongerMatchesItsNameIsReportedNotCopied() throws Exception {
        List<BackupFolder.Source> sources = sources(1);
        BackupFolder set = set();
        BackupFolder.Item item = set.listFiles(sources).get(0);
        Path stored = temp.resolve(item.path());
        Files.writeString(stored, "changed behind the store's back");
        IOException bad = assertThrows(IOException.class, () -> set.copy(item, sources));
        assertTrue(bad.getMessage().contains("no longer matches"), bad.getMessage());
        assertFalse(Files.exists(set.root().resolve(BackupFolder.FILES).resolve(item.path())));
    }

    @Test
    void verificationNamesAChangedAndAMissingFile() throws Exception {
        List<BackupFolder.Source> sources = sources(2);
        BackupFolder set = set();
        List<BackupFolder.Entry> entries = new ArrayList<>();
        for (BackupFolder.Item item : set.listFiles(sources)) {
            entries.add(set.copy(item, sources));
        }
        set.append(entries);
        set.seal(List.of());
        Files.writeString(set.root().resolve(entries.get(0).path()), "bit rot");
        Files.delete(set.root().resolve(entries.get(1).path()));
        assertTrue(set.check(entries.get(0)).orElseThrow().contains("SHA-256"));
        assertTrue(set.check(entries.get(1)).orElseThrow().endsWith("missing"));
        assertTrue(set.check(entries.get(2)).isEmpty());
    }

    @Test
    void filesStoredWhileTheSnapshotIsTakenAreListedLateAndSealedWithTheOthersAndTheSnapshotLast() throws Exception {
        List<BackupFolder.Source> sources = sources(2);
        BackupFolder set = set();
        List<BackupFolder.Item> first = set.listFiles(sources);
        List<BackupFolder.Entry> copied = new ArrayList<>();
        for (BackupFolder.Item item : first) {
            copied.add(set.copy(item, sources));
        }
        set.append(copied);
        // an upload lands while the snapshot is taken (the snapshot may name it)
        byte[] bytes = "迟到的上传".getBytes(StandardCharsets.UTF_8);
        String sha = sha256(bytes);
        Path late = temp.resolve("content").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        Files.createDirectories(late.getParent());
        Files.write(late, bytes);

        List<BackupFolder.Item> lateItems = set.listLateFiles(sources);
        assertEquals(List.of("content/" + sha.substring(0, 2) + "/" + sha.substring(2, 4) + "/" + sha),
                lateItems.stream().map(BackupFolder.Item::path).toList(), "only what the first list lacks");
        assertEquals(first.size() + 1, set.items().size(), "the set copies both lists");
        set.append(BackupFolder.LATE_MANIFEST_PART, List.of(set.copy(lateItems.get(0), sources)));
        Files.writeString(set.root().resolve("database.dump"), "快照");
        BackupFolder.Entry snapshot = set.entryOf("database.dump");
        set.recordSnapshot(snapshot);
        assertEquals(snapshot, set.snapshotEntry().orElseThrow());

        String sealed = set.seal(List.of(snapshot));
        assertEquals(sealed, set.seal(List.of(snapshot)), "sealing again writes the same manifest");
        List<String> paths = set.manifest().stream().map(BackupFolder.Entry::path).toList();
        assertEquals(first.size() + 2, paths.size(), paths.toString());
        assertEquals("database.dump", paths.get(paths.size() - 1), "the snapshot's line is the last");
        assertEquals(paths.size(), paths.stream().distinct().count(), "each file once: " + paths);
        assertEquals(sealed, set.entryOf(BackupFolder.MANIFEST).sha256());
        assertFalse(Files.exists(set.root().resolve(BackupFolder.MANIFEST_PART)), "the parts are gone once sealed");
    }

    @Test
    void aPathOutsideTheSetIsRefused() throws Exception {
        BackupFolder set = set();
        assertThrows(IOException.class, () -> set.entryOf("../../outside"));
    }
}
