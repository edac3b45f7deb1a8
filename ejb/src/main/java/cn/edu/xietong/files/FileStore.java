package cn.edu.xietong.files;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.configuration.Setting;
import cn.edu.xietong.configuration.Settings;
import cn.edu.xietong.directory.Directory;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.OfficeClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

import java.util.Collection;
import java.util.List;

/**
 * Takes uploads in (S1): every file passes {@link UploadCheck} (name, size, type by content) and the virus scan before
 * anything is stored — outside demo mode a server without a configured clamd refuses every upload (fail closed); a refused file leaves nothing behind and is recorded in the
 * audit trail. Who may read a stored file is decided by what refers to it (a flow instance checks its own visibility),
 * so this service hands out bytes only to those callers, never by uid alone.
 */
@Stateless
@RolesAllowed("STAFF")
public class FileStore {

    @PersistenceContext
    private EntityManager em;

    @EJB
    private Directory directory;

    @EJB
    private OfficeClock clock;

    @EJB
    private AuditTrail audit;

    @EJB
    private UploadScan scanner;

    @EJB
    private Settings settings;

    /**
     * Checks, scans and stores an upload of the caller's.
     *
     * @throws InvalidInputException (message key {@code file.…}) when the file is refused; nothing is stored
     */
    public FileInfo upload(String fileName, byte[] content) {
        Person me = directory.me();
        UploadCheck.Accepted accepted;
        try {
            accepted = UploadCheck.check(fileName, content, maxBytes());
        } catch (InvalidInputException refused) {
            audit.record(AuditEvent.FILE_UPLOAD, AuditOutcome.FAILURE, me.getLogin(), null,
                    refused.messageKey() + " " + UploadCheck.describe(fileName));
            throw refused;
        }
        String scannedBy = scanner.scan(me.getLogin(), accepted, () -> new java.io.ByteArrayInputStream(content));
        StoredFile file = new StoredFile(accepted, content, me, clock.now(), scannedBy);
        em.persist(file);
        audit.record(AuditEvent.FILE_UPLOAD, AuditOutcome.SUCCESS, me.getLogin(), null,
                accepted.name() + " " + content.length + " B sha256=" + accepted.sha256()
                        + (scannedBy == null ? " (not scanned)" : " scanned by " + scannedBy));
        return info(file);
    }

    /** What is stored of these files (those that exist), without their bytes. */
    public List<FileInfo> infos(Collection<String> uids) {
        if (uids.isEmpty()) {
            return List.of();
        }
        return em.createNamedQuery(StoredFile.INFO, FileInfo.class).setParameter("uids", List.copyOf(uids))
                .getResultList();
    }

    static FileInfo info(StoredFile file) {
        return new FileInfo(file.getUid(), file.getName(), file.getContentType(), file.getSize(), file.getSha256(),
                file.getOwner().getId(), file.getUploadedAt(), file.getScannedBy());
    }

    /** The largest attachment taken now (the setting {@code xietong.upload.maxBytes}, O2.1). */
    public long maxBytes() {
        return settings.number(Setting.UPLOAD_MAX_BYTES);
    }
}
