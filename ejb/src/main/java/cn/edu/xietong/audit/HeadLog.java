package cn.edu.xietong.audit;

import cn.edu.xietong.shared.OfficeClock;
import cn.edu.xietong.shared.ServerFiles;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The latest signed heads of the trails, kept outside the database (B3, S5), so that a database put back to an older
 * state, whose heads were validly signed then, is still found out: every commit that advances a trail appends one line
 * to {@code <server data dir>/xietong/heads.log} (or {@code -Dxietong.heads}) and writes it to the server log at INFO,
 * and the verifications report a trail whose head is older than the latest line.
 * <p>
 * A line is {@code <time> <chain> <seq> <hash>}; the chain is {@code audit:<chain id>} for the audit chain and
 * {@code flow:<instance uid>} for an instance's trail. A line is written after the commit (a rolled-back action never
 * shows as a head the database lacks) and without fsync: a crash can lose the last lines, which only weakens the
 * check for those seconds, never raises a false alarm; a line costs one small append. The latest line per chain is
 * kept in memory (about 200 bytes per chain), read back from the file at start.
 * <p>
 * Several servers on one database each keep their own file with the heads they committed themselves: each server
 * detects a rollback behind its own latest commit, so verify on each server (or compare the files) to cover them all.
 * Once a rolled-back trail has grown past the latest recorded head, the file no longer tells; the server log keeps
 * the warning written when the database's head was found behind the file at an append.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class HeadLog {

    private static final Logger LOG = Logger.getLogger(HeadLog.class.getName());

    /** A head as last recorded: the record count (sequence number of the last record) and its hash. */
    public record Head(long seq, String hash) {
    }

    private final Map<String, Head> latest = new ConcurrentHashMap<>();
    private FileChannel file;

    @EJB
    private OfficeClock clock;

    @Resource
    private TransactionSynchronizationRegistry transactions;

    @PostConstruct
    void open() {
        Path path = location();
        try {
            Files.createDirectories(path.getParent());
            if (!Files.exists(path)) {
                if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(path);
                }
            }
            try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
                lines.forEach(this::read);
            }
            file = FileChannel.open(path, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new IllegalStateException("cannot open the heads file " + path, e);
        }
        LOG.info(() -> "heads file " + path + ": " + latest.size() + " trails");
    }

    @PreDestroy
    void close() throws IOException {
        file.close();
    }

    static Path location() {
        return ServerFiles.located("xietong.heads", "heads.log");
    }

    private void read(String line) {
        String[] cells = line.split(" ");
        if (cells.length == 4) {
            try {
                remember(cells[1], new Head(Long.parseLong(cells[2]), cells[3]));
            } catch (NumberFormatException skipped) {
                LOG.warning(() -> "heads file: a line that is not a head: " + line);
            }
        }
    }

    /** Keeps the head with the highest sequence number; of two with the same number, the later one. */
    private void remember(String chain, Head head) {
        latest.merge(chain, head, (old, now) -> now.seq() >= old.seq() ? now : old);
    }

    /** The latest head recorded for a chain, if this server ever committed one. */
    public Optional<Head> latest(String chain) {
        return Optional.ofNullable(latest.get(chain));
    }

    /** Records a chain's new head once the current transaction commits (at once when there is none). */
    public void afterCommit(String chain, long seq, String hash) {
        if (transactions.getTransactionKey() == null) {
            append(chain, new Head(seq, hash));
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    append(chain, new Head(seq, hash));
                }
            }
        });
    }

    private void append(String chain, Head head) {
        String line = clock.now() + " " + chain + " " + head.seq() + " " + head.hash();
        remember(chain, head);
        LOG.info(() -> "head " + line);
        try {
            // One write of a whole line to a channel opened for appending: lines of concurrent commits do not mix.
            file.write(ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            LOG.log(Level.SEVERE, "cannot append to the heads file: " + line, e);
        }
    }

    /** The key of the audit chain of one database. */
    public static String auditChain(String chainId) {
        return "audit:" + chainId;
    }

    /** The key of an instance's trail. */
    public static String flowTrail(String instanceUid) {
        return "flow:" + instanceUid;
    }
}
