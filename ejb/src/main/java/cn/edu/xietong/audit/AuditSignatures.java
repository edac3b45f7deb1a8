package cn.edu.xietong.audit;

import java.nio.charset.StandardCharsets;

/**
 * What the server's key signs in the audit chain (S5): each record's hash, and the chain's head (its id, last sequence
 * number and hash). Each kind of statement has its own prefix, so a signature of one can never pass for another, nor
 * for a flow action's.
 */
public final class AuditSignatures {

    private AuditSignatures() {
    }

    public static byte[] record(String hash) {
        return ("xietong-audit-record " + hash).getBytes(StandardCharsets.US_ASCII);
    }

    public static byte[] head(String chainId, long seq, String hash) {
        return ("xietong-audit-head " + chainId + " " + seq + " " + hash).getBytes(StandardCharsets.US_ASCII);
    }
}
