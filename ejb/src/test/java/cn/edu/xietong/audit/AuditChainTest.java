package cn.edu.xietong.audit;

import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** S5: the audit chain shows the first record that was altered, removed or reordered. */
class AuditChainTest {

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = ChainWalker.GENESIS;
        for (int i = 0; i < length; i++) {
            AuditRecord r = new AuditRecord(i, previous, Instant.parse("2026-11-25T01:00:00Z").plusSeconds(i),
                    AuditEvent.LOGIN, AuditOutcome.SUCCESS, "user" + i, "CS", "10.0.0." + i, "detail " + i);
            records.add(r);
            previous = r.getHash();
        }
        return records;
    }

    private static ChainVerification walk(List<AuditRecord> records, long headSeq, String headHash) {
        ChainWalker walker = new ChainWalker();
        for (AuditRecord r : records) {
            if (!walker.accept(r)) {
                break;
            }
        }
        return walker.finish(headSeq, headHash);
    }

    private static ChainVerification walk(List<AuditRecord> records) {
        AuditRecord last = records.get(records.size() - 1);
        return walk(records, last.getSeq(), last.getHash());
    }

    private static void tamper(AuditRecord record, String field, Object value) throws Exception {
        Field f = AuditRecord.class.getDeclaredField(field);
        f.setAccessible(true);
        f.set(record, value);
    }

    @Test
    void anUntouchedChainIsIntact() {
        ChainVerification result = walk(chain(5));
        assertTrue(result.intact());
        assertEquals(5, result.checked());
        assertNull(result.problem());
    }

    @Test
    void anEmptyChainAgainstAnEmptyHeadIsIntact() {
        assertTrue(walk(List.of(), 0, ChainWalker.GENESIS).intact());
    }

    @Test
    void anAlteredRecordIsFoundAtItsNumber() throws Exception {
        List<AuditRecord> records = chain(5);
        tamper(records.get(2), "detail", "something else");
        ChainVerification result = walk(records);
        assertEquals(3L, result.brokenAtSeq());
        assertEquals("ALTERED", result.problem());
    }

    @Test
    void anAlteredActorIsFoundEvenWithItsHashRecomputed() throws Exception {
        List<AuditRecord> records = chain(5);
        tamper(records.get(1), "actorLogin", "someone-else");
        tamper(records.get(1), "hash", records.get(1).computeHash());
        ChainVerification result = walk(records);
        assertEquals(3L, result.brokenAtSeq(), "the next record no longer links to it");
        assertEquals("RELINKED", result.problem());
    }

    @Test
    void aRemovedRecordIsFoundAsAGap() {
        List<AuditRecord> records = chain(5);
        records.remove(3);
        ChainVerification result = walk(records);
        assertEquals(4L, result.brokenAtSeq());
        assertEquals("MISSING", result.problem());
    }

    @Test
    void removingTheLastRecordsIsFoundAgainstTheHead() {
        List<AuditRecord> records = chain(5);
        AuditRecord last = records.remove(4);
        ChainVerification result = walk(records, last.getSeq(), last.getHash());
        assertEquals(5L, result.brokenAtSeq());
        assertEquals("HEAD", result.problem());
    }

    @Test
    void reorderedRecordsAreFound() throws Exception {
        List<AuditRecord> records = chain(5);
        Collections.swap(records, 1, 2);
        assertFalse(walk(records).intact());
        // renumbering them to hide the swap breaks the links instead
        List<AuditRecord> renumbered = chain(5);
        Collections.swap(renumbered, 1, 2);
        tamper(renumbered.get(1), "seq", 2L);
        tamper(renumbered.get(2), "seq", 3L);
        ChainVerification result = walk(renumbered);
        assertEquals(2L, result.brokenAtSeq());
        assertNotEquals("MISSING", result.problem());
    }

    @Test
    void longValuesAreClippedToTheirColumnsBeforeHashing() {
        AuditRecord r = new AuditRecord(0, ChainWalker.GENESIS, Instant.now(), AuditEvent.LOGIN, AuditOutcome.FAILURE,
                "x".repeat(100), null, null, "d".repeat(5000));
        assertEquals(64, r.getActorLogin().length());
        assertEquals(AuditRecord.DETAIL_MAX, r.getDetail().length());
        assertTrue(r.intact());
    }
}
