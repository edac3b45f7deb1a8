package cn.edu.xietong.audit;

/**
 * The result of walking the audit chain.
 *
 * @param checked     records read
 * @param brokenAtSeq the sequence number of the first record that does not fit (altered, or following a removed or
 *                    reordered one), or {@code null} when the chain is intact
 * @param problem     what was wrong there: {@code ALTERED}, {@code MISSING} (a gap in the numbering), {@code RELINKED}
 *                    (the link to the previous record does not match), {@code HEAD} (the chain ends elsewhere than
 *                    its head says), {@code SIGNATURE} (the record does not carry the server's signature: rewritten
 *                    with its hash recomputed), {@code HEAD_SIGNATURE} (the head does not carry the server's
 *                    signature: records after it removed and the head moved back), {@code STALE} (the chain ends
 *                    before, or differs at, the latest head this server recorded outside the database: the database
 *                    was put back to an older state)
 */
public record ChainVerification(long checked, Long brokenAtSeq, String problem) {

    public boolean intact() {
        return brokenAtSeq == null;
    }
}
