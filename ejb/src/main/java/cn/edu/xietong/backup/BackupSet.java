package cn.edu.xietong.backup;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A backup set (E3, O2.2): one per instance of the backup job, so that a restarted run continues its own set. Its state
 * machine: {@code RUNNING} (snapshot taken, files being copied) → {@code COMPLETE} (manifest sealed) → {@code PRUNED}
 * (an older generation deleted by the keep policy). The set's bytes are on disk ({@link BackupFolder}).
 */
@Entity
@Table(name = "backup_set")
@NamedQuery(name = BackupSet.BY_INSTANCE, query = "select s from BackupSet s where s.jobInstanceId = :instance")
@NamedQuery(name = BackupSet.NEWEST_FIRST, query = "select s from BackupSet s order by s.startedAt desc, s.id desc")
@NamedQuery(name = BackupSet.IN_STATE,
        query = "select s from BackupSet s where s.state = :state order by s.startedAt desc, s.id desc")
public class BackupSet {

    public static final String BY_INSTANCE = "BackupSet.byInstance";
    public static final String NEWEST_FIRST = "BackupSet.newestFirst";
    public static final String IN_STATE = "BackupSet.inState";

    public enum State { RUNNING, COMPLETE, PRUNED }

    @Id
    @SequenceGenerator(name = "backup_set_seq", sequenceName = "backup_set_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "backup_set_seq")
    private Long id;

    @Column(name = "job_instance_id", nullable = false, unique = true)
    private long jobInstanceId;

    @Column(name = "started_by", nullable = false, length = 64)
    private String startedBy;

    @Column(name = "started_at", nullable = false)
    private Instant startedAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private State state;

    @Column(nullable = false, length = 500)
    private String directory;

    @Column(name = "database_kind", length = 32)
    private String databaseKind;

    @Column(name = "database_file", length = 64)
    private String databaseFile;

    @Column(name = "file_count", nullable = false)
    private int fileCount;

    @Column(name = "total_bytes", nullable = false)
    private long totalBytes;

    @Column(name = "manifest_sha256", length = 64)
    private String manifestSha256;

    @Column(name = "verified_at")
    private Instant verifiedAt;

    @Column(name = "verify_problems")
    private Integer verifyProblems;

    @Column(name = "verify_report", length = 4000)
    private String verifyReport;

    protected BackupSet() {
    }

    public BackupSet(long jobInstanceId, String startedBy, Instant startedAt, Path directory) {
        this.jobInstanceId = jobInstanceId;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.directory = directory.toString();
        this.state = State.RUNNING;
    }

    /** The files copied beside the snapshot are listed. */
    public void filesListed(int files, long bytes) {
        requireState(State.RUNNING);
        this.fileCount = files;
        this.totalBytes = bytes;
    }

    /** The database's snapshot is taken and every file to copy is fixed (those stored meanwhile too). */
    public void snapshotTaken(String kind, String file, int files, long bytes) {
        requireState(State.RUNNING);
        this.databaseKind = kind;
        this.databaseFile = file;
        this.fileCount = files;
        this.totalBytes = bytes;
    }

    public void sealed(String manifestSha256, Instant at) {
        requireState(State.RUNNING);
        this.manifestSha256 = manifestSha256;
        this.finishedAt = at;
        this.state = State.COMPLETE;
    }

    public void pruned() {
        requireState(State.COMPLETE);
        this.state = State.PRUNED;
    }

    /** A verification's outcome: the number of files that failed and, for those, what (cut to the column, said so). */
    public void verified(Instant at, int problems, String report) {
        requireState(State.COMPLETE);
        this.verifiedAt = at;
        this.verifyProblems = problems;
        this.verifyReport = report.length() > 4000 ? report.substring(0, 3990) + "\n…" : report;
    }

    private void requireState(State expected) {
        if (state != expected) {
            throw new IllegalStateException("backup set " + id + " is " + state + ", not " + expected);
        }
    }

    public BackupFolder folder() {
        return new BackupFolder(Path.of(directory));
    }

    public Long getId() {
        return id;
    }

    public long getJobInstanceId() {
        return jobInstanceId;
    }

    public String getStartedBy() {
        return startedBy;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public State getState() {
        return state;
    }

    public String getDirectory() {
        return directory;
    }

    public String getDatabaseKind() {
        return databaseKind;
    }

    public String getDatabaseFile() {
        return databaseFile;
    }

    public int getFileCount() {
        return fileCount;
    }

    public long getTotalBytes() {
        return totalBytes;
    }

    public String getManifestSha256() {
        return manifestSha256;
    }

    public Instant getVerifiedAt() {
        return verifiedAt;
    }

    public Integer getVerifyProblems() {
        return verifyProblems;
    }

    public String getVerifyReport() {
        return verifyReport;
    }
}
