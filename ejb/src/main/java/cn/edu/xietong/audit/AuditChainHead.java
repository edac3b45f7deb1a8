package cn.edu.xietong.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The end of the chain: the last sequence number and its hash, signed by the server's key (S5), so that records
 * removed from the end with the head moved back are found out. One row, locked while a record is appended. The chain
 * id names this database's chain in the heads file ({@link HeadLog}).
 */
@Entity
@Table(name = "audit_chain_head")
class AuditChainHead {

    static final int ID = 1;

    @Id
    private int id;

    @Column(name = "last_seq", nullable = false)
    private long lastSeq;

    @Column(name = "last_hash", nullable = false, length = 64)
    private String lastHash;

    @Column(name = "chain_id", nullable = false, length = 36)
    private String chainId;

    /** Base64 Ed25519 signature of {@link AuditSignatures#head}; null when the head was found unsigned at an append. */
    @Column(length = 120)
    private String signature;

    protected AuditChainHead() {
    }

    String chainId() {
        return chainId;
    }

    String signature() {
        return signature;
    }

    byte[] signedBytes() {
        return AuditSignatures.head(chainId, lastSeq, lastHash);
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    /**
     * Moves the head to the record just appended and sets its signature ({@code null} leaves the head unsigned, as
     * when it was found without a valid signature: the evidence must survive the next append).
     */
    void advance(AuditRecord appended, java.util.function.Function<byte[], String> signer) {
        if (appended.getSeq() != lastSeq + 1 || !appended.getPrevHash().equals(lastHash)) {
            throw new IllegalStateException("record " + appended.getSeq() + " does not continue the chain at " + lastSeq);
        }
        lastSeq = appended.getSeq();
        lastHash = appended.getHash();
        signature = signer == null ? null : signer.apply(signedBytes());
    }
}
