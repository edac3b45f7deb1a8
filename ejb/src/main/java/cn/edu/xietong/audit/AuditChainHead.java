package cn.edu.xietong.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** The end of the chain: the last sequence number and its hash. One row, locked while a record is appended. */
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

    protected AuditChainHead() {
    }

    long lastSeq() {
        return lastSeq;
    }

    String lastHash() {
        return lastHash;
    }

    void advance(AuditRecord appended) {
        if (appended.getSeq() != lastSeq + 1 || !appended.getPrevHash().equals(lastHash)) {
            throw new IllegalStateException("record " + appended.getSeq() + " does not continue the chain at " + lastSeq);
        }
        lastSeq = appended.getSeq();
        lastHash = appended.getHash();
    }
}
