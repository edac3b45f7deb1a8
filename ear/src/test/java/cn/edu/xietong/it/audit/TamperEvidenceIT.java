package cn.edu.xietong.it.audit;

import cn.edu.xietong.audit.AuditEvent;
import cn.edu.xietong.audit.AuditLog;
import cn.edu.xietong.audit.AuditOutcome;
import cn.edu.xietong.audit.AuditRecord;
import cn.edu.xietong.audit.AuditTrail;
import cn.edu.xietong.audit.ChainVerification;
import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.ListedTask;
import cn.edu.xietong.flow.Worklists;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.trail.TrailCheck;
import cn.edu.xietong.it.support.AsAuditAdmin;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.it.support.Thief;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B3, S5: the five ways a thief with write access to the database could rewrite a trail, each done here through JDBC
 * behind the application's back, and each named by the verification: an audit record rewritten with every later hash
 * and the head recomputed; the last audit records removed and the head moved back; the last action of a flow removed
 * and the instance's count and head set back; an approved form's values changed; the database rolled back to an
 * older, validly signed audit head. The audit chain is shared by all tests, so every audit test puts back exactly
 * what it changed and appends one more record through the application, leaving the chain whole and ahead of every
 * head this server has recorded.
 */
@ExtendWith(ArquillianExtension.class)
class TamperEvidenceIT {

    private static final String PASSWORD = "Trails#2026x";

    @EJB
    private AuditTrail trail;

    @EJB
    private AuditLog audit;

    @EJB
    private AsAuditAdmin auditor;

    @EJB
    private FlowCommands commands;

    @EJB
    private Worklists worklists;

    @EJB
    private FlowRecords records;

    @EJB
    private TestData data;

    @PersistenceContext
    private EntityManager em;

    @Resource(lookup = "java:jboss/datasources/OaDS")
    private DataSource database;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    // ---- the audit chain (S5)

    @Test
    void anAuditRecordRewrittenWithEveryLaterHashAndTheHeadRecomputedIsNamed() throws Exception {
        AuditRecord victim = trail.record(AuditEvent.LOGIN, AuditOutcome.FAILURE, "thief-1", "192.0.2.11", "failure");
        trail.record(AuditEvent.LOGOUT, AuditOutcome.SUCCESS, "thief-1", "192.0.2.11", null);
        Snapshot before = snapshot(victim.getSeq());
        try {
            rewriteFrom(victim.getSeq(), "success");
            ChainVerification result = auditor.call(() -> audit.verify());
            assertEquals(victim.getSeq(), result.brokenAtSeq(), () -> result.toString());
            assertEquals("SIGNATURE", result.problem());
        } finally {
            before.restore();
        }
        assertIntact();
    }

    @Test
    void theLastAuditRecordsRemovedWithTheHeadMovedBackAreNamed() throws Exception {
        AuditRecord kept = trail.record(AuditEvent.LOGIN, AuditOutcome.SUCCESS, "thief-2", "192.0.2.12", null);
        AuditRecord removed = trail.record(AuditEvent.LOGIN, AuditOutcome.FAILURE, "thief-2", "192.0.2.12", "one");
        trail.record(AuditEvent.LOGIN, AuditOutcome.FAILURE, "thief-2", "192.0.2.12", "two");
        Snapshot before = snapshot(removed.getSeq());
        try {
            update("delete from audit_record where seq >= ?", removed.getSeq());
            update("update audit_chain_head set last_seq = ?, last_hash = ?", kept.getSeq(), kept.getHash());
            ChainVerification result = auditor.call(() -> audit.verify());
            assertEquals(removed.getSeq(), result.brokenAtSeq(), () -> result.toString());
            assertEquals("HEAD_SIGNATURE", result.problem());
        } finally {
            before.restore();
        }
        assertIntact();
    }

    @Test
    void aRollbackToAnOlderValidlySignedHeadIsNamedAsStale() throws Exception {
        AuditRecord kept = trail.record(AuditEvent.LOGIN, AuditOutcome.SUCCESS, "thief-5", "192.0.2.15", null);
        Map<String, Object> oldHead = rows("select * from audit_chain_head").get(0);
        AuditRecord lost = trail.record(AuditEvent.LOGIN, AuditOutcome.FAILURE, "thief-5", "192.0.2.15", "lost");
        trail.record(AuditEvent.ACCOUNT_DEACTIVATE, AuditOutcome.SUCCESS, "thief-5", "192.0.2.15", "lost too");
        Snapshot before = snapshot(lost.getSeq());
        try {
            update("delete from audit_record where seq >= ?", lost.getSeq());
            restoreRow("audit_chain_head", oldHead);
            assertEquals(kept.getSeq(), ((Number) rows("select last_seq from audit_chain_head").get(0)
                    .values().iterator().next()).longValue(), "the database is back at the older head");
            ChainVerification result = auditor.call(() -> audit.verify());
            assertEquals(lost.getSeq(), result.brokenAtSeq(), () -> result.toString());
            assertEquals("STALE", result.problem());
        } finally {
            before.restore();
        }
        assertIntact();
    }

    // ---- flow trails (B3)

    private record Team(Person staff, Person leader) {
    }

    private Team team() {
        Unit unit = data.unit();
        return new Team(data.personIn(unit, PASSWORD, cheap), data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER));
    }

    private FlowInstance leaveOfOneDay(Person staff) throws Exception {
        long design = data.publishedDesign("leave");
        FormValues values = FormValues.of(Map.of("kind", "事假", "period", "2026-12-07/2026-12-07", "days", "1",
                "reason", "家中有事"));
        return AsPerson.call(staff, () -> commands.start(design, "请假1天", values, Map.of("school", List.of("liming"))));
    }

    private long todoOf(Person person, FlowInstance instance) throws Exception {
        return AsPerson.call(person, () -> worklists.todos()).stream()
                .filter(t -> t.instance().id() == instance.getId()).map(ListedTask::id).findFirst()
                .orElseThrow(() -> new AssertionError(person.getLogin() + " has no to-do for " + instance.getId()));
    }

    @Test
    void aFinalRejectionRemovedWithTheInstancesCountAndHeadSetBackIsNamed() throws Exception {
        Team team = team();
        FlowInstance instance = leaveOfOneDay(team.staff());
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.reject(task, "不同意"));
        int count = ((Number) rows("select action_seq from flow_instance where uid = ?", instance.getUid()).get(0)
                .values().iterator().next()).intValue();
        String previousHash = (String) rows("select prev_hash from flow_action where instance_uid = ? and seq = ?",
                instance.getUid(), count).get(0).values().iterator().next();

        update("delete from flow_action where instance_uid = ? and seq = ?", instance.getUid(), count);
        update("update flow_instance set action_seq = ?, last_hash = ?, status = 'RUNNING' where uid = ?",
                count - 1, previousHash, instance.getUid());

        TrailCheck check = AsPerson.call(team.staff(), () -> records.verify(instance.getId()));
        assertEquals(new TrailCheck(count - 1, count, "stale"), check);
    }

    @Test
    void anApprovedFormsValuesChangedInTheDatabaseAreNamed() throws Exception {
        Team team = team();
        FlowInstance instance = leaveOfOneDay(team.staff());
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(task, "同意", null));
        int count = ((Number) rows("select action_seq from flow_instance where uid = ?", instance.getUid()).get(0)
                .values().iterator().next()).intValue();
        String json = (String) rows("select values_json from flow_instance where uid = ?", instance.getUid()).get(0)
                .values().iterator().next();
        assertTrue(json.contains("家中有事"), json);

        update("update flow_instance set values_json = ? where uid = ?", json.replace("家中有事", "出国旅游"),
                instance.getUid());

        TrailCheck check = AsPerson.call(team.staff(), () -> records.verify(instance.getId()));
        assertEquals(new TrailCheck(count, count, "formChanged"), check);
    }

    @Test
    void anUntouchedApprovedFlowVerifiesIntactAgainstTheHeadsFileAndItsForm() throws Exception {
        Team team = team();
        FlowInstance instance = leaveOfOneDay(team.staff());
        long task = todoOf(team.leader(), instance);
        AsPerson.call(team.leader(), () -> commands.approve(task, "同意", null));
        assertTrue(AsPerson.call(team.staff(), () -> records.verify(instance.getId())).isIntact());
    }

    // ---- the server's files

    @Test
    void theKeystoreAndTheHeadsFileAreReadableByTheServerAccountOnly() throws Exception {
        trail.record(AuditEvent.LOGOUT, AuditOutcome.SUCCESS, "files-check", "192.0.2.16", null);
        Path folder = Path.of(System.getProperty("jboss.server.data.dir"), "xietong");
        for (String name : List.of("keys.p12", "heads.log")) {
            Path file = folder.resolve(name);
            assertTrue(Files.isRegularFile(file), file + " exists");
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)), name);
        }
    }

    // ---- tampering through JDBC, as a thief with the database's password would

    private void assertIntact() throws Exception {
        ChainVerification result = auditor.call(() -> audit.verify());
        assertTrue(result.intact(), () -> "restored, the chain is whole again: " + result);
    }

    /**
     * Changes the record's detail and recomputes its hash, every later record's link and hash, and the head's hash,
     * with the published algorithm (the record's own hash method, reached by reflection).
     */
    private void rewriteFrom(long seq, String detail) throws Exception {
        Method hash = AuditRecord.class.getDeclaredMethod("computeHash");
        hash.setAccessible(true);
        Field detailField = AuditRecord.class.getDeclaredField("detail");
        Field prevField = AuditRecord.class.getDeclaredField("prevHash");
        Field hashField = AuditRecord.class.getDeclaredField("hash");
        for (Field f : List.of(detailField, prevField, hashField)) {
            f.setAccessible(true);
        }
        long last = ((Number) rows("select max(seq) from audit_record").get(0).values().iterator().next()).longValue();
        String previous = null;
        for (long s = seq; s <= last; s++) {
            AuditRecord record = em.find(AuditRecord.class, s);
            em.detach(record);
            if (s == seq) {
                detailField.set(record, detail);
            } else {
                prevField.set(record, previous);
            }
            previous = (String) hash.invoke(record);
            update("update audit_record set detail = ?, prev_hash = ?, hash = ? where seq = ?", record.getDetail(),
                    record.getPrevHash(), previous, s);
        }
        update("update audit_chain_head set last_hash = ?", previous);
    }

    /** The audit rows from a sequence number on and the head, to put back after a test. */
    private Snapshot snapshot(long fromSeq) throws SQLException {
        return new Snapshot(fromSeq, rows("select * from audit_record where seq >= ? order by seq", fromSeq),
                rows("select * from audit_chain_head").get(0));
    }

    private final class Snapshot {
        private final long fromSeq;
        private final List<Map<String, Object>> records;
        private final Map<String, Object> head;

        Snapshot(long fromSeq, List<Map<String, Object>> records, Map<String, Object> head) {
            this.fromSeq = fromSeq;
            this.records = records;
            this.head = head;
        }

        /**
         * Puts the rows back, drops what was appended meanwhile (the verifications' own records) and appends one
         * record through the application, so the chain is again ahead of every head this server recorded.
         */
        void restore() throws Exception {
            update("delete from audit_record where seq >= ?", fromSeq);
            for (Map<String, Object> row : records) {
                insert("audit_record", row);
            }
            restoreRow("audit_chain_head", head);
            trail.record(AuditEvent.LOGOUT, AuditOutcome.SUCCESS, "restorer", "192.0.2.19", "after a tamper test");
        }
    }

    private List<Map<String, Object>> rows(String select, Object... parameters) throws SQLException {
        try (Connection c = Thief.connect(database); PreparedStatement s = c.prepareStatement(select)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                ResultSetMetaData meta = rs.getMetaData();
                List<Map<String, Object>> result = new ArrayList<>();
                while (rs.next()) {
                    Map<String, Object> row = new LinkedHashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        row.put(meta.getColumnName(i), rs.getObject(i));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    private int update(String sql, Object... parameters) throws SQLException {
        try (Connection c = Thief.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            return s.executeUpdate();
        }
    }

    private void insert(String table, Map<String, Object> row) throws SQLException {
        String columns = String.join(", ", row.keySet());
        String marks = String.join(", ", row.keySet().stream().map(k -> "?").toList());
        update("insert into " + table + " (" + columns + ") values (" + marks + ")", row.values().toArray());
    }

    private void restoreRow(String table, Map<String, Object> row) throws SQLException {
        String set = String.join(", ", row.keySet().stream().map(k -> k + " = ?").toList());
        update("update " + table + " set " + set, row.values().toArray());
    }

    private static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            s.setObject(i + 1, parameters[i]);
        }
    }
}
