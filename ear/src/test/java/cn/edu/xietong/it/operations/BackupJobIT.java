package cn.edu.xietong.it.operations;

import cn.edu.xietong.backup.BackupFolder;
import cn.edu.xietong.backup.BackupSet;
import cn.edu.xietong.backup.BackupSets;
import cn.edu.xietong.documents.ContentStore;
import cn.edu.xietong.documents.StoredContent;
import cn.edu.xietong.it.support.AsBatchOperator;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.Jobs;
import cn.edu.xietong.it.support.Scrape;
import cn.edu.xietong.operations.BatchJob;
import cn.edu.xietong.operations.BatchJobs;
import cn.edu.xietong.operations.JobProgress;
import cn.edu.xietong.operations.JobRun;
import cn.edu.xietong.signing.KeystoreCopy;
import jakarta.batch.runtime.BatchRuntime;
import jakarta.batch.runtime.BatchStatus;
import jakarta.batch.runtime.JobExecution;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * E3, O2.2, C1: the weekly backup job takes the database's snapshot and every stored file into a set with a manifest of
 * SHA-256; the verification job re-reads a set; a run that failed half way restarts from its checkpoint with each file
 * in the manifest once; older generations are pruned; only batch operators may run them.
 */
@ExtendWith(ArquillianExtension.class)
class BackupJobIT {

    @EJB
    private BatchJobs jobs;

    @EJB
    private BackupSets backups;

    @EJB
    private ContentStore store;

    @EJB
    private AsBatchOperator operator;

    @EJB
    private AsStaff staff;

    private static JobExecution awaitEnd(long executionId) throws InterruptedException {
        return Jobs.awaitEnd(executionId, Duration.ofMinutes(3));
    }

    private StoredContent stored(String text) throws Exception {
        byte[] bytes = (text + " " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        return staff.call(() -> store.store("backup-test", "备份.txt", new ByteArrayInputStream(bytes)));
    }

    private BackupSet backUp() throws Exception {
        long execution = operator.call(() -> jobs.start(BatchJob.BACKUP));
        assertEquals(BatchStatus.COMPLETED, awaitEnd(execution).getBatchStatus());
        long instance = BatchRuntime.getJobOperator().getJobInstance(execution).getInstanceId();
        return operator.call(() -> backups.byInstance(instance)).orElseThrow();
    }

    @Test
    void theBackupTakesTheDatabaseAndEveryStoredFileWithTheirHashes() throws Exception {
        StoredContent content = stored("要备份的文档");
        BackupSet set = backUp();

        assertEquals(BackupSet.State.COMPLETE, set.getState());
        BackupFolder folder = set.folder();
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(folder.root())), "a set holds the database: the server's account's alone");
        assertEquals("rwx------", PosixFilePermissions.toString(
                Files.getPosixFilePermissions(BackupSets.directory())));
        assertTrue(folder.complete());
        List<BackupFolder.Entry> manifest = folder.manifest();
        assertEquals(set.getFileCount() + 1, manifest.size(), "every listed file and the database's snapshot");
        BackupFolder.Entry mine = manifest.stream().filter(e -> e.path().endsWith("/" + content.sha256()))
                .findFirst().orElseThrow(() -> new AssertionError("the stored content is in the set"));
        assertEquals(content.sha256(), mine.sha256());
        BackupFolder.Entry database = manifest.get(manifest.size() - 1);
        assertEquals(set.getDatabaseFile(), database.path());
        assertTrue(Files.size(folder.root().resolve(database.path())) > 10_000, "a real snapshot of the database");
        for (BackupFolder.Entry entry : manifest) {
            assertTrue(folder.check(entry).isEmpty(), entry.path());
        }
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                .digest(Files.readAllBytes(folder.root().resolve(BackupFolder.MANIFEST)))), set.getManifestSha256());
    }

    @Test
    void theKeystoreGoesIntoASetOnlyEncryptedWithTheBackupPassphrase() throws Exception {
        BackupSet without = backUp();
        assertFalse(Files.exists(without.folder().root().resolve(KeystoreCopy.FILE_NAME)),
                "no backup passphrase: the keystore stays out of the set");

        Path passphraseFile = Files.createTempFile("backup-passphrase", ".txt");
        String passphrase = "a passphrase the operators keep apart";
        Files.writeString(passphraseFile, passphrase);
        Files.setPosixFilePermissions(passphraseFile, PosixFilePermissions.fromString("rw-------"));
        System.setProperty(KeystoreCopy.PASSPHRASE_FILE, passphraseFile.toString());
        try {
            BackupSet with = backUp();
            Path copy = with.folder().root().resolve(KeystoreCopy.FILE_NAME);
            assertTrue(with.folder().manifest().stream().anyMatch(e -> e.path().equals(KeystoreCopy.FILE_NAME)),
                    "the keystore's copy is in the manifest, checked like every file");
            assertEquals(List.of("secret-sealing", "trail-signing", "trail-signing-public"),
                    KeystoreCopy.open(copy, passphrase.toCharArray()).stream().sorted().toList());
            assertThrows(IOException.class, () -> KeystoreCopy.open(copy, "xietong-keystore".toCharArray()),
                    "the server keystore's own password does not open the set's copy");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(copy)));
        } finally {
            System.clearProperty(KeystoreCopy.PASSPHRASE_FILE);
            Files.delete(passphraseFile);
        }
    }

    @Test
    void verificationFindsAFileOfTheSetThatChanged() throws Exception {
        stored("校验");
        BackupSet set = backUp();
        long sound = operator.call(() -> jobs.start(BatchJob.BACKUP_VERIFY));
        assertEquals(BatchStatus.COMPLETED, awaitEnd(sound).getBatchStatus());
        BackupSet checked = operator.call(() -> backups.find(set.getId())).orElseThrow();
        assertEquals(0, checked.getVerifyProblems());

        BackupFolder.Entry victim = set.folder().manifest().get(0);
        Files.writeString(set.folder().root().resolve(victim.path()), "bit rot");
        long bad = operator.call(() -> jobs.start(BatchJob.BACKUP_VERIFY));
        assertEquals(BatchStatus.COMPLETED, awaitEnd(bad).getBatchStatus());
        checked = operator.call(() -> backups.find(set.getId())).orElseThrow();
        assertEquals(1, checked.getVerifyProblems());
        assertTrue(checked.getVerifyReport().contains(victim.path()), checked.getVerifyReport());
    }

    @Test
    void aBackupThatFailedHalfWayRestartsFromItsCheckpointWithEachFileOnce() throws Exception {
        for (int i = 0; i < 45; i++) {
            stored("许多文件 " + i);
        }
        // a content whose file is damaged and sorts (nearly) last: the copy step fails on it after earlier chunks
        byte[] good;
        String sha;
        do {
            good = ("最后一个 " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
            sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(good));
        } while (!sha.startsWith("ff"));
        Path damaged = ContentStore.pathOf(sha);
        Files.createDirectories(damaged.getParent());
        Files.writeString(damaged, "damaged");
        double failedRuns = Scrape.counter("xietong_job_runs_total", "job=\"weekly-backup\"", "status=\"failed\"");
        double completedRuns = Scrape.counter("xietong_job_runs_total", "job=\"weekly-backup\"",
                "status=\"completed\"");
        try {
            long first = operator.call(() -> jobs.start(BatchJob.BACKUP));
            assertEquals(BatchStatus.FAILED, awaitEnd(first).getBatchStatus());
            assertEquals(failedRuns + 1, Scrape.counter("xietong_job_runs_total", "job=\"weekly-backup\"",
                    "status=\"failed\""), "the failed run is counted for monitoring (O2.5)");
            long instance = BatchRuntime.getJobOperator().getJobInstance(first).getInstanceId();
            BackupSet half = operator.call(() -> backups.byInstance(instance)).orElseThrow();
            assertEquals(BackupSet.State.RUNNING, half.getState());
            assertFalse(half.folder().complete());
            long before = Files.readAllLines(half.folder().root().resolve(BackupFolder.MANIFEST_PART)).size();
            assertTrue(before >= 20, "earlier chunks were committed: " + before);

            // the operator mends the cause (the file is put right) and restarts the run
            Files.write(damaged, good);
            long second = operator.call(() -> jobs.restart(first));
            assertEquals(BatchStatus.COMPLETED, awaitEnd(second).getBatchStatus());
            BackupSet done = operator.call(() -> backups.byInstance(instance)).orElseThrow();
            assertEquals(BackupSet.State.COMPLETE, done.getState());
            List<String> paths = done.folder().manifest().stream().map(BackupFolder.Entry::path).toList();
            assertEquals(paths.size(), paths.stream().distinct().count(), "no file listed twice");
            assertEquals(done.folder().items().size() + 1, paths.size(), "none lost");
            JobRun run = operator.call(() -> jobs.run(second)).orElseThrow();
            JobProgress progress = operator.call(() -> jobs.progress(run)).orElseThrow();
            assertEquals(progress.total(), progress.done());
            assertEquals(completedRuns + 1, Scrape.counter("xietong_job_runs_total", "job=\"weekly-backup\"",
                    "status=\"completed\""), "the completed restart is counted");
        } finally {
            Files.deleteIfExists(damaged);
        }
    }

    @Test
    void onlyTheNewestGenerationsAreKept() throws Exception {
        String before = System.getProperty(BackupSets.GENERATIONS);
        System.setProperty(BackupSets.GENERATIONS, "1");
        try {
            BackupSet older = backUp();
            BackupSet newer = backUp();
            assertEquals(BackupSet.State.PRUNED, operator.call(() -> backups.find(older.getId())).orElseThrow()
                    .getState());
            assertFalse(Files.exists(Path.of(older.getDirectory())));
            assertTrue(newer.folder().complete());
        } finally {
            if (before == null) {
                System.clearProperty(BackupSets.GENERATIONS);
            } else {
                System.setProperty(BackupSets.GENERATIONS, before);
            }
        }
    }

    @Test
    void staffCannotRunBackupsNorSeeTheSets() {
        assertThrows(EJBAccessException.class, () -> staff.call(() -> jobs.start(BatchJob.BACKUP)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> backups.overview(5)));
        assertThrows(EJBAccessException.class, () -> staff.call(() -> jobs.restart(1L)));
    }
}
