package cn.edu.xietong.audit;

import java.util.function.BiPredicate;

/**
 * Walks the chain record by record in sequence order, remembering only the last link, so a trail of any length is
 * verified in batches. The first problem found is final.
 */
final class ChainWalker {

    static final String GENESIS = "0".repeat(64);

    private final BiPredicate<byte[], String> signatureHolds;
    private final HeadLog.Head recorded;
    private long expectedSeq = 1;
    private String previousHash = GENESIS;
    private long checked;
    private Long brokenAt;
    private String problem;

    /**
     * @param signatureHolds whether a Base64 signature of the bytes holds under the server's key
     * @param recorded       the latest head this server recorded outside the database, or null
     */
    ChainWalker(BiPredicate<byte[], String> signatureHolds, HeadLog.Head recorded) {
        this.signatureHolds = signatureHolds;
        this.recorded = recorded;
    }

    /** Feeds the next record; returns false once the chain is known to be broken (no need to read further). */
    boolean accept(AuditRecord record) {
        if (brokenAt != null) {
            return false;
        }
        checked++;
        if (record.getSeq() != expectedSeq) {
            return broken(expectedSeq, "MISSING");
        }
        if (!record.getPrevHash().equals(previousHash)) {
            return broken(record.getSeq(), "RELINKED");
        }
        if (!record.intact()) {
            return broken(record.getSeq(), "ALTERED");
        }
        if (record.getSignature() == null
                || !signatureHolds.test(AuditSignatures.record(record.getHash()), record.getSignature())) {
            return broken(record.getSeq(), "SIGNATURE");
        }
        if (recorded != null && recorded.seq() == record.getSeq() && !recorded.hash().equals(record.getHash())) {
            return broken(record.getSeq(), "STALE");
        }
        previousHash = record.getHash();
        expectedSeq++;
        return true;
    }

    /**
     * Ends the walk against the head: records removed from the end show as a head that points past the last one, or,
     * with the head moved back, as a head without the server's signature; a database put back to an older, validly
     * signed state shows as a head older than the one recorded outside the database.
     */
    ChainVerification finish(long headSeq, String headHash, String chainId, String headSignature) {
        if (brokenAt == null && (headSeq != expectedSeq - 1 || !headHash.equals(previousHash))) {
            broken(expectedSeq, "HEAD");
        }
        if (brokenAt == null && (headSignature == null
                || !signatureHolds.test(AuditSignatures.head(chainId, headSeq, headHash), headSignature))) {
            broken(headSeq + 1, "HEAD_SIGNATURE");
        }
        if (brokenAt == null && recorded != null && recorded.seq() > headSeq) {
            broken(headSeq + 1, "STALE");
        }
        return new ChainVerification(checked, brokenAt, problem);
    }

    long lastGoodSeq() {
        return expectedSeq - 1;
    }

    private boolean broken(long seq, String what) {
        brokenAt = seq;
        problem = what;
        return false;
    }
}
