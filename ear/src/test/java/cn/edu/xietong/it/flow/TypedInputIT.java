package cn.edu.xietong.it.flow;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.files.StoredFile;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.form.FormInvalidException;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import cn.edu.xietong.shared.InvalidInputException;
import jakarta.ejb.EJB;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What people type reaches the server as what they meant (S1, S3), checked by the real services: a number has one
 * notation and is stored in it, a title of invisible characters is no title, and an upload whose name carries markup
 * or a path is refused with a reason and recorded, never stored under another name.
 */
@ExtendWith(ArquillianExtension.class)
class TypedInputIT {

    private static final String PASSWORD = "Typed#2026x";
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

    private static FormValues leave(String days) {
        return FormValues.of(Map.of("kind", "事假", "period", "2026-12-07/2026-12-08", "days", days,
                "reason", "家事"));
    }

    /** "1,5" used to show as 1,5 and count as 15 days (sending the leave on to a school leader). */
    @Test
    void aNumberWithADecimalCommaIsRefusedAndFullWidthDigitsAreStoredAsTheEngineReadsThem() throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        long design = data.publishedDesign("leave");
        FormInvalidException refused = assertThrows(FormInvalidException.class,
                () -> AsPerson.call(staff, () -> commands.start(design, "请假", leave("1,5"), Map.of())));
        assertEquals("days", refused.fieldProblems().get(0).field());
        assertEquals("form.notANumber", refused.fieldProblems().get(0).messageKey());

        FlowInstance started = AsPerson.call(staff, () -> commands.start(design, "请假", leave("１．５"), Map.of()));
        assertEquals("1.5", AsPerson.call(staff, () -> records.sight(started.getId())).values().text("days")
                .orElseThrow(), "stored, shown and compared as 1.5");
    }

    @Test
    void aTitleOfOnlyZeroWidthSpacesIsRefused() throws Exception {
        Person staff = data.personIn(data.unit(), PASSWORD, cheap);
        long design = data.publishedDesign("leave");
        DomainException refused = assertThrows(DomainException.class,
                () -> AsPerson.call(staff, () -> commands.start(design, "\u200B\u200C\uFEFF", leave("1"), Map.of())));
        assertEquals("flow.titleRequired", refused.messageKey());
    }

    @Test
    void anUploadNameWithMarkupOrAPathIsRefusedAndRecordedNotRenamed() throws Exception {
        Person staff = data.personIn(data.unit(), PASSWORD, cheap);
        long before = data.count(StoredFile.class);
        for (String name : new String[]{"<img src=x onerror=alert(1)>.pdf", "../../etc/证明.pdf", "say\"hi\".pdf"}) {
            InvalidInputException refused = assertThrows(InvalidInputException.class,
                    () -> AsPerson.call(staff, () -> files.upload(name, PDF)));
            assertEquals("file.badName", refused.messageKey(), name);
            AuditRecord record = data.audits(AuditEvent.FILE_UPLOAD, staff.getLogin()).get(0);
            assertEquals(AuditOutcome.FAILURE, record.getOutcome());
            assertTrue(record.getDetail().contains("file.badName") && record.getDetail().contains(name),
                    record.getDetail());
        }
        assertEquals(before, data.count(StoredFile.class), "nothing stored under a cleaned-up name");
        assertEquals(3, data.audits(AuditEvent.FILE_UPLOAD, staff.getLogin()).size());
    }
}
