package cn.edu.xietong.audit;

import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.Ed25519PublicKeyParameters;
import org.bouncycastle.crypto.signers.Ed25519Signer;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Field;
import java.time.Instant;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S5, B3: the audit chain shows the first record that was altered, removed or reordered, also when the hashes after it
 * were recomputed (its signature fails), when the head was moved back (the head's signature fails), or when the
 * database was put back to an older signed state (the head recorded outside the database is later).
 */
class AuditChainTest {

    private static final Ed25519PrivateKeyParameters KEY = new Ed25519PrivateKeyParameters(new SecureRandom());
    private static final Ed25519PublicKeyParameters PUBLIC = KEY.generatePublicKey();
    private static final String CHAIN = "test-chain";

    private static String sign(byte[] data) {
        Ed25519Signer signer = new Ed25519Signer();
        signer.init(true, KEY);
        signer.update(data, 0, data.length);
        return Base64.getEncoder().encodeToString(signer.generateSignature());
    }

    private static boolean holds(byte[] data, String signature) {
        Ed25519Signer verifier = new Ed25519Signer();
        verifier.init(false, PUBLIC);
        verifier.update(data, 0, data.length);
        return verifier.verifySignature(Base64.getDecoder().decode(signature));
    }

    private static List<AuditRecord> chain(int length) {
        List<AuditRecord> records = new ArrayList<>();
        String previous = ChainWalker.GENESIS;
        for (int i = 0; i < length; i++) {
            AuditRecord r = new AuditRecord(i, previous, Instant.parse("2026-11-25T01:00:00Z").plusSeconds(i),
                    AuditEvent.LOGIN, AuditOutcome.SUCCESS, "user" + i, "CS", "10.0.0." + i, "detail " + i);
            r.sign(sign(AuditSignatures.record(r.getHash())));
            records.add(r);
            previous = r.getHash();
        }
        return records;
    }

    private static ChainVerification walk(List<AuditRecord> records, long headSeq, String headHash) {
        return walk(records, headSeq, headHash, sign(AuditSignatures.head(CHAIN, headSeq, headHash)), null);
    }

    private static ChainVerification walk(List<AuditRecord> records, long headSeq, String headHash,
                                          String headSignature, HeadLog.Head recorded) {
        ChainWalker walker = new ChainWalker(AuditChainTest::holds, recorded);
        for (AuditRecord r : records) {
            if (!walker.accept(r)) {
                break;
            }
        }
        return walker.finish(headSeq, headHash, CHAIN, headSignature);
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
        assertEquals(2L, result.brokenAtSeq(), "its signature no longer holds (and the next record no longer links)");
        assertEquals("SIGNATURE", result.problem());
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
    void aRecordRewrittenWithEveryLaterHashRecomputedIsFoundByItsSignature() throws Exception {
        List<AuditRecord> records = chain(5);
        tamper(records.get(1), "detail", "nothing happened");
        String previous = records.get(0).getHash();
        for (AuditRecord r : records.subList(1, 5)) {
            tamper(r, "prevHash", previous);
            tamper(r, "hash", r.computeHash());
            previous = r.getHash();
        }
        ChainVerification result = walk(records, 5, previous, "forged", null);
        assertEquals(2L, result.brokenAtSeq());
        assertEquals("SIGNATURE", result.problem());
    }

    @Test
    void theLastRecordsRemovedWithTheHeadMovedBackAreFoundByTheHeadsSignature() {
        List<AuditRecord> records = chain(5);
        String signedHead = sign(AuditSignatures.head(CHAIN, 5, records.get(4).getHash()));
        List<AuditRecord> cut = records.subList(0, 3);
        ChainVerification result = walk(cut, 3, cut.get(2).getHash(), signedHead, null);
        assertEquals(4L, result.brokenAtSeq());
        assertEquals("HEAD_SIGNATURE", result.problem());
        assertEquals("HEAD_SIGNATURE", walk(cut, 3, cut.get(2).getHash(), null, null).problem(), "or left unsigned");
    }

    @Test
    void aChainPutBackToAnOlderSignedHeadIsStaleAgainstTheRecordedHead() {
        List<AuditRecord> records = chain(5);
        HeadLog.Head recorded = new HeadLog.Head(5, records.get(4).getHash());
        List<AuditRecord> older = records.subList(0, 3);
        String olderHead = older.get(2).getHash();
        ChainVerification result = walk(older, 3, olderHead, sign(AuditSignatures.head(CHAIN, 3, olderHead)),
                recorded);
        assertEquals(4L, result.brokenAtSeq());
        assertEquals("STALE", result.problem());
        assertTrue(walk(records, 5, records.get(4).getHash(),
                sign(AuditSignatures.head(CHAIN, 5, records.get(4).getHash())), recorded).intact());
    }

    @Test
    void aChainThatRegrewDifferentlyAfterARollbackIsStaleWhereItDiffers() {
        List<AuditRecord> original = chain(5);
        HeadLog.Head recorded = new HeadLog.Head(4, "f".repeat(64));
        AuditRecord last = original.get(4);
        ChainVerification result = walk(original, 5, last.getHash(),
                sign(AuditSignatures.head(CHAIN, 5, last.getHash())), recorded);
        assertEquals(4L, result.brokenAtSeq());
        assertEquals("STALE", result.problem());
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
