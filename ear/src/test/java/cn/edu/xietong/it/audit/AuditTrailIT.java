package cn.edu.xietong.it.audit;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditQuery;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.audit.ChainVerification;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsStaff;
import cn.edu.xietong.it.support.AsSysAdmin;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.it.support.Thief;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.Authentication;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import java.util.Map;
import javax.sql.DataSource;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S5: security events land in the audit trail with person, unit, address and outcome; the chain verifies, and a
 * record edited or deleted in the database is reported. S3: only the audit administrator reads it.
 */
@ExtendWith(ArquillianExtension.class)
class AuditTrailIT {

    @EJB
    private Authentication accounts;

    @EJB
    private AuditTrail trail;

    @EJB
    private AuditLog audit;

    @EJB
    private AsAuditAdmin auditor;

    @EJB
    private AsSysAdmin admin;

    @EJB
    private AsStaff staff;

    @EJB
    private TestData data;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource database;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private List<AuditRecord> recordsOf(String login) throws Exception {
        return auditor.call(() -> audit.search(new AuditQuery(null, null, login, null, null), 50));
    }

    @Test
    void loginsAreRecordedWithPersonUnitAddressAndOutcome() throws Exception {
        Person person = data.person("Right#Pass2026", cheap);
        accounts.logIn(person.getLogin(), "wrong".toCharArray(), "198.51.100.4");
        accounts.logIn(person.getLogin(), "Right#Pass2026".toCharArray(), "198.51.100.4");

        List<AuditRecord> records = recordsOf(person.getLogin());
        assertEquals(2, records.size());
        AuditRecord success = records.get(0); // newest first
        assertEquals(AuditEvent.LOGIN, success.getEvent());
        assertEquals(AuditOutcome.SUCCESS, success.getOutcome());
        assertEquals(person.getUnit().getCode(), success.getActorUnit());
        assertEquals("198.51.100.4", success.getClientAddress());
        assertEquals(AuditOutcome.FAILURE, records.get(1).getOutcome());
        assertTrue(success.getSeq() > records.get(1).getSeq());
        assertEquals(records.get(1).getHash(), success.getPrevHash(), "consecutive records are chained");
    }

    @Test
    void theChainVerifiesAndVerifyingIsItselfRecorded() throws Exception {
        trail.record(AuditEvent.LOGOUT, AuditOutcome.SUCCESS, "someone", "192.0.2.1", null);
        ChainVerification result = auditor.call(() -> audit.verify());
        assertTrue(result.intact(), () -> "broken at " + result.brokenAtSeq() + " " + result.problem());
        assertTrue(result.checked() > 0);
        assertEquals(AuditEvent.AUDIT_VERIFY,
                auditor.call(() -> audit.search(AuditQuery.everything(), 1)).get(0).getEvent());
    }

    @Test
    void aRecordEditedInTheDatabaseIsReportedAtItsNumber() throws Exception {
        AuditRecord victim = trail.record(AuditEvent.LOGIN, AuditOutcome.FAILURE, "victim", "192.0.2.2", "failure 1");
        try {
            Thief.update(database, "update audit_record set outcome = ? where seq = ?", "SUCCESS", victim.getSeq());
            ChainVerification result = auditor.call(() -> audit.verify());
            assertEquals(victim.getSeq(), result.brokenAtSeq());
            assertEquals("ALTERED", result.problem());
        } finally {
            Thief.update(database, "update audit_record set outcome = ? where seq = ?", "FAILURE", victim.getSeq());
        }
        assertTrue(auditor.call(() -> audit.verify()).intact(), "restored, the chain is whole again");
    }

    @Test
    void aRecordDeletedFromTheDatabaseIsReportedAsMissing() throws Exception {
        AuditRecord victim = trail.record(AuditEvent.LOGIN, AuditOutcome.FAILURE, "victim", "192.0.2.3", "failure 1");
        trail.record(AuditEvent.LOGOUT, AuditOutcome.SUCCESS, "someone", "192.0.2.3", null);
        Map<String, Object> copy = Thief.row(database, "select * from audit_record where seq = ?", victim.getSeq());
        Thief.update(database, "delete from audit_record where seq = ?", victim.getSeq());
        try {
            ChainVerification result = auditor.call(() -> audit.verify());
            assertEquals(victim.getSeq(), result.brokenAtSeq());
            assertEquals("MISSING", result.problem());
        } finally {
            Thief.insert(database, "audit_record", copy);
        }
        assertTrue(auditor.call(() -> audit.verify()).intact());
    }

    @Test
    void exportIsCsvWithEveryMatchingRecordAndIsRecorded() throws Exception {
        trail.record(AuditEvent.LOGIN, AuditOutcome.DENIED, "exporter-check", "192.0.2.4", "client address blocked");
        String csv = auditor.call(() -> audit.exportCsv(new AuditQuery(null, null, "exporter-check", null, null), 100));
        String[] lines = csv.split("\r\n");
        assertEquals("\uFEFFseq,time,event,outcome,login,unit,client,detail,hash", lines[0]);
        assertEquals(2, lines.length);
        assertTrue(lines[1].contains(",LOGIN,DENIED,exporter-check,,192.0.2.4,client address blocked,"), lines[1]);
        assertEquals(AuditEvent.AUDIT_EXPORT,
                auditor.call(() -> audit.search(AuditQuery.everything(), 1)).get(0).getEvent());
    }

    @Test
    void onlyTheAuditAdministratorReadsTheTrailNotEvenTheSystemAdministrator() {
        assertThrows(EJBAccessException.class, () -> staff.call(() -> audit.search(AuditQuery.everything(), 5)));
        assertThrows(EJBAccessException.class, () -> admin.call(() -> audit.search(AuditQuery.everything(), 5)));
        assertThrows(EJBAccessException.class, () -> admin.call(() -> audit.verify()));
        assertThrows(EJBAccessException.class, () -> admin.call(() -> audit.exportCsv(AuditQuery.everything(), 5)));
    }

}
