package cn.edu.xietong.audit;

/**
 * Walks the chain record by record in sequence order, remembering only the last link, so a trail of any length is
 * verified in batches. The first problem found is final.
 */
final class ChainWalker {

    static final String GENESIS = "0".repeat(64);

    private long expectedSeq = 1;
    private String previousHash = GENESIS;
    private long checked;
    private Long brokenAt;
    private String problem;

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
        previousHash = record.getHash();
        expectedSeq++;
        return true;
    }

    /** Ends the walk against the head: records removed from the end show as a head that points past the last one. */
    ChainVerification finish(long headSeq, String headHash) {
        if (brokenAt == null && (headSeq != expectedSeq - 1 || !headHash.equals(previousHash))) {
            broken(expectedSeq, "HEAD");
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
