package cn.edu.xietong.it.flow;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.Clamd;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Attachments of flow forms (A1, S1, S4) in the server, with a real clamd: an upload is checked and scanned before it
 * is stored, a virus or an unreachable scanner stores nothing, a form may name only its initiator's own uploads, and
 * only people who may see the instance download its files, each download recorded.
 */
@ExtendWith(ArquillianExtension.class)
class AttachmentsIT {

    private static final String PASSWORD = "Files#2026x";
    private static final byte[] PDF = SampleFiles.PDF;

    @EJB
    private FlowCommands commands;

    @EJB
    private FlowRecords records;

    @EJB
    private FileStore files;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    /** The test runs in the server, so the scanner it configures is the server's. */
    private static void useScanner(int port) {
        System.setProperty("xietong.clamd.host", "127.0.0.1");
        System.setProperty("xietong.clamd.port", String.valueOf(port));
    }

    @AfterEach
    void noScanner() {
        System.clearProperty("xietong.clamd.host");
        System.clearProperty("xietong.clamd.port");
    }

    private static FormValues leaveWith(List<String> proof) {
        return FormValues.of(Map.of("kind", "病假", "period", "2026-12-07/2026-12-08", "days", "2",
                "reason", "就医", "proof", proof));
    }

    @Test
    void aScannedFileTravelsWithTheFormAndOnlyThoseWhoSeeTheInstanceDownloadIt() throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Person stranger = data.personIn(data.unit(), PASSWORD, cheap);
        try (Clamd clamd = Clamd.start()) {
            useScanner(clamd.port());
            FileInfo proof = AsPerson.call(staff, () -> files.upload("诊断证明.pdf", PDF));
            assertTrue(proof.scannedBy().startsWith("ClamAV"), proof.scannedBy());
            assertEquals(PDF.length, proof.size());
            assertEquals("application/pdf", proof.contentType());

            // someone else's upload cannot be attached by its id
            FileInfo foreign = AsPerson.call(stranger, () -> files.upload("别人的.pdf", PDF));
            long design = data.publishedDesign("leave");
            FormInvalidException refused = assertThrows(FormInvalidException.class, () -> AsPerson.call(staff,
                    () -> commands.start(design, "病假2天", leaveWith(List.of(foreign.uid())), Map.of())));
            assertEquals("form.unknownFile", refused.fieldProblems().get(0).messageKey());

            FlowInstance instance = AsPerson.call(staff,
                    () -> commands.start(design, "病假2天", leaveWith(List.of(proof.uid())), Map.of()));
            List<FileInfo> listed = AsPerson.call(leader, () -> records.sight(instance.getId())).files();
            assertEquals(List.of("诊断证明.pdf"), listed.stream().map(FileInfo::name).toList());

            StoredFile downloaded = AsPerson.call(leader, () -> records.attachment(instance.getId(), proof.uid()));
            assertArrayEquals(PDF, downloaded.content());
            AuditRecord download = data.audits(AuditEvent.FILE_DOWNLOAD, leader.getLogin()).get(0);
            assertTrue(download.getDetail().contains("诊断证明.pdf") && download.getDetail().contains(
                    instance.getUid()), download.getDetail());

            assertThrows(EJBAccessException.class,
                    () -> AsPerson.call(stranger, () -> records.attachment(instance.getId(), proof.uid())));
            DomainException notNamed = assertThrows(DomainException.class,
                    () -> AsPerson.call(leader, () -> records.attachment(instance.getId(), foreign.uid())));
            assertEquals("flow.noSuchFile", notNamed.messageKey());
            assertTrue(data.audits(AuditEvent.FILE_DOWNLOAD, stranger.getLogin()).isEmpty());
        }
    }

    @Test
    void aVirusIsRefusedAndNothingIsStored() throws Exception {
        Person staff = data.personIn(data.unit(), PASSWORD, cheap);
        try (Clamd clamd = Clamd.start()) {
            useScanner(clamd.port());
            long before = data.count(StoredFile.class);
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> AsPerson.call(staff, () -> files.upload("说明.txt", Clamd.eicar())));
            assertEquals("file.virus", refused.messageKey());
            // clamd names signatures of a local database "….UNOFFICIAL"
            assertTrue(refused.arguments()[0].toString().startsWith(Clamd.SIGNATURE), refused.getMessage());
            assertEquals(before, data.count(StoredFile.class));
            AuditRecord record = data.audits(AuditEvent.FILE_UPLOAD, staff.getLogin()).get(0);
            assertEquals(AuditOutcome.DENIED, record.getOutcome());
            assertTrue(record.getDetail().contains(Clamd.SIGNATURE), record.getDetail());

            FileInfo clean = AsPerson.call(staff, () -> files.upload("说明.txt",
                    "请假说明：就医两天。".getBytes(StandardCharsets.UTF_8)));
            assertEquals(before + 1, data.count(StoredFile.class));
            assertEquals("说明.txt", clean.name());
        }
    }

    @Test
    void anUnreachableScannerStoresNothingAndAWrongTypeIsRefusedBeforeScanning() throws Exception {
        Person staff = data.personIn(data.unit(), PASSWORD, cheap);
        int closed;
        try (ServerSocket free = new ServerSocket(0)) {
            closed = free.getLocalPort();
        }
        useScanner(closed);
        long before = data.count(StoredFile.class);
        InvalidInputException down = assertThrows(InvalidInputException.class,
                () -> AsPerson.call(staff, () -> files.upload("证明.pdf", PDF)));
        assertEquals("file.scannerUnavailable", down.messageKey());
        InvalidInputException renamed = assertThrows(InvalidInputException.class,
                () -> AsPerson.call(staff, () -> files.upload("证明.pdf", new byte[]{'M', 'Z', 0, 0})));
        assertEquals("file.contentMismatch", renamed.messageKey());
        assertEquals(before, data.count(StoredFile.class));
        assertEquals(AuditOutcome.FAILURE, data.audits(AuditEvent.FILE_UPLOAD, staff.getLogin()).get(0).getOutcome());

        noScanner();
        FileInfo unscanned = AsPerson.call(staff, () -> files.upload("证明.pdf", PDF));
        assertNull(unscanned.scannedBy(), "without a configured scanner a file is stored and marked unscanned");
        assertFalse(unscanned.sha256().isEmpty());
    }

    @Test
    void outsideDemoModeAServerWithoutAVirusScannerStoresNoUpload() {
        Person staff = data.personIn(data.unit(), PASSWORD, cheap);
        long before = data.count(StoredFile.class);
        String demo = System.getProperty("xietong.demo");
        System.setProperty("xietong.demo", "false"); // the test runs in the server: as a production server would
        try {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> AsPerson.call(staff, () -> files.upload("证明.pdf", PDF)));
            assertEquals("file.scannerMissing", refused.messageKey());
        } finally {
            System.setProperty("xietong.demo", demo);
        }
        assertEquals(before, data.count(StoredFile.class));
        assertEquals(AuditOutcome.FAILURE, data.audits(AuditEvent.FILE_UPLOAD, staff.getLogin()).get(0).getOutcome());
    }
}
