package cn.edu.xietong.files;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.shared.InvalidInputException;
import cn.edu.xietong.shared.StartupMode;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The virus scan of every upload (S1), whatever stores it afterwards (a form's file, a document's version): outside demo
 * mode a server without a configured clamd refuses the upload, an unreachable or failing daemon refuses it, a finding
 * refuses it (fail closed); each refusal is audited.
 */
@Stateless
@RolesAllowed("STAFF")
public class UploadScan {

    private static final Logger LOG = Logger.getLogger(UploadScan.class.getName());

    @EJB
    private AuditTrail audit;

    /**
     * Scans an accepted upload, streaming its bytes to clamd.
     *
     * @return the scanner that passed it ("clamd …", at most 100 characters), or null in demo mode without a scanner
     * @throws InvalidInputException ({@code file.scannerMissing}, {@code file.scannerUnavailable}, {@code file.virus})
     */
    public String scan(String login, UploadCheck.Accepted accepted, UploadCheck.Source content) {
        return scan(login, accepted.name(), accepted::sha256, content);
    }

    /**
     * Scans an upload as {@link #scan(String, UploadCheck.Accepted, UploadCheck.Source)} does, for a caller that takes
     * the upload's SHA-256 on the scan's own read of its bytes (one read for both): {@code sha256} is asked for only
     * after the daemon has answered, for a finding's audit record.
     */
    public String scan(String login, String name, Supplier<String> sha256, UploadCheck.Source content) {
        Optional<VirusScanner> scanner = VirusScanner.configured();
        if (scanner.isEmpty()) {
            if (StartupMode.demo()) {
                return null; // a trial server may do without one; its files are shown as not scanned
            }
            audit.record(AuditEvent.FILE_UPLOAD, AuditOutcome.FAILURE, login, null,
                    "no virus scanner configured " + name);
            throw new InvalidInputException("file.scannerMissing");
        }
        VirusScanner.Verdict verdict;
        try (InputStream in = content.open()) {
            verdict = scanner.get().scan(in);
        } catch (IOException e) {
            LOG.warning(() -> "virus scanner " + scanner.get() + " failed: " + e.getMessage());
            audit.record(AuditEvent.FILE_UPLOAD, AuditOutcome.FAILURE, login, null,
                    "scanner unavailable " + name);
            throw new InvalidInputException("file.scannerUnavailable");
        }
        if (!verdict.clean()) {
            audit.record(AuditEvent.FILE_UPLOAD, AuditOutcome.DENIED, login, null,
                    "virus " + verdict.finding() + " in " + name + " sha256=" + sha256.get());
            throw new InvalidInputException("file.virus", verdict.finding());
        }
        return verdict.scanner().length() > 100 ? verdict.scanner().substring(0, 100) : verdict.scanner();
    }
}
