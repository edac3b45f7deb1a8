package cn.edu.xietong.flow.trail;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;

/**
 * One action on an instance, as signed (B3): who acted and on whose behalf, at which node, what they decided, their
 * opinion, when, and the SHA-256 of the exact form content they acted on. Each record carries the hash of the one
 * before it in the same instance, so that an altered, removed or reordered record breaks the chain; the server signs
 * each record's hash. Records are written once and never changed.
 */
@Entity
@Table(name = "flow_action")
@NamedQuery(name = FlowAction.OF_INSTANCE, query = "select a from FlowAction a where a.instanceUid = :uid order by a.seq")
public class FlowAction {

    public static final String OF_INSTANCE = "FlowAction.ofInstance";
    /** The hash a first record points back to. */
    public static final String GENESIS = "0".repeat(64);
    /** The actor of what the system does by itself (completion, escalation). */
    public static final String SYSTEM = "system";
    /**
     * The name the system's own entries are signed with. It is part of what their signatures cover, so it stays
     * as recorded; pages and the sheet show the system's row in the reader's language instead.
     */
    public static final String SYSTEM_NAME = "协同";

    @Id
    @SequenceGenerator(name = "flow_action_seq", sequenceName = "flow_action_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "flow_action_seq")
    private Long id;

    @Column(name = "instance_uid", nullable = false, length = 36)
    private String instanceUid;

    @Column(nullable = false)
    private int seq;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private ActionKind kind;

    @Column(name = "actor_login", nullable = false, length = 64)
    private String actorLogin;

    @Column(name = "actor_name", nullable = false, length = 64)
    private String actorName;

    @Column(name = "on_behalf_of", length = 64)
    private String onBehalfOf;

    @Column(name = "node_id", length = 32)
    private String nodeId;

    @Column(length = 2000)
    private String opinion;

    /** What else the action names: the node returned to, the new handler, the added approvers. */
    @Column(length = 500)
    private String detail;

    @Column(name = "acted_at", nullable = false)
    private Instant actedAt;

    @Column(name = "form_hash", nullable = false, length = 64)
    private String formHash;

    @Column(name = "prev_hash", nullable = false, length = 64)
    private String prevHash;

    @Column(nullable = false, length = 64)
    private String hash;

    /** Base64 Ed25519 signature of {@link #hash} by the server key named {@link #keyId}; set before the commit. */
    @Column(length = 120)
    private String signature;

    @Column(name = "key_id", length = 16)
    private String keyId;

    protected FlowAction() {
    }

    /** Record number {@code seq} of an instance's chain, after the record whose hash is {@code prevHash}. */
    public FlowAction(int seq, String prevHash, String instanceUid, ActionKind kind, String actorLogin,
                      String actorName, String onBehalfOf, String nodeId, String opinion, String detail,
                      Instant actedAt, String formHash) {
        this.instanceUid = instanceUid;
        this.seq = seq;
        this.prevHash = prevHash;
        this.detail = detail;
        this.kind = kind;
        this.actorLogin = actorLogin;
        this.actorName = actorName;
        this.onBehalfOf = onBehalfOf;
        this.nodeId = nodeId;
        this.opinion = opinion;
        this.actedAt = actedAt;
        this.formHash = formHash;
        this.hash = computeHash();
    }

    /** A record as read back from an export, with its stored hash and signature, for verification. */
    static FlowAction stored(String[] f) {
        FlowAction a = new FlowAction();
        a.instanceUid = f[0];
        a.seq = Integer.parseInt(f[1]);
        a.kind = ActionKind.valueOf(f[2]);
        a.actorLogin = f[3];
        a.actorName = f[4];
        a.onBehalfOf = f[5].isEmpty() ? null : f[5];
        a.nodeId = f[6].isEmpty() ? null : f[6];
        a.opinion = f[7].isEmpty() ? null : f[7];
        a.detail = f[8].isEmpty() ? null : f[8];
        a.actedAt = Instant.parse(f[9]);
        a.formHash = f[10];
        a.prevHash = f[11];
        a.hash = f[12];
        a.signature = f[13].isEmpty() ? null : f[13];
        a.keyId = f[14].isEmpty() ? null : f[14];
        return a;
    }

    /** The fields in the order {@link #stored} reads them. */
    String[] fields() {
        return new String[]{instanceUid, Integer.toString(seq), kind.name(), actorLogin, actorName, e(onBehalfOf),
                e(nodeId), e(opinion), e(detail), actedAt.toString(), formHash, prevHash, hash, e(signature), e(keyId)};
    }

    private static String e(String value) {
        return value == null ? "" : value;
    }

    /** What the hash covers, one field per line, in a fixed order. */
    public String canonical() {
        return String.join("\n", instanceUid, Integer.toString(seq), kind.name(), actorLogin, actorName,
                nz(onBehalfOf), nz(nodeId), nz(opinion), nz(detail), actedAt.toString(), formHash, prevHash);
    }

    private static String nz(String value) {
        return value == null ? "" : value.replace("\\", "\\\\").replace("\n", "\\n");
    }

    public String computeHash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(canonical().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Sets the server's signature, once. */
    public void sign(String signatureBase64, String key) {
        if (signature != null) {
            throw new IllegalStateException("action " + seq + " is already signed");
        }
        this.signature = signatureBase64;
        this.keyId = key;
    }

    public boolean isSigned() {
        return signature != null;
    }

    public Long getId() {
        return id;
    }

    public String getInstanceUid() {
        return instanceUid;
    }

    public int getSeq() {
        return seq;
    }

    public ActionKind getKind() {
        return kind;
    }

    public String getActorLogin() {
        return actorLogin;
    }

    public String getActorName() {
        return actorName;
    }

    public String getOnBehalfOf() {
        return onBehalfOf;
    }

    public String getNodeId() {
        return nodeId;
    }

    public String getOpinion() {
        return opinion;
    }

    public String getDetail() {
        return detail;
    }

    public Instant getActedAt() {
        return actedAt;
    }

    public String getFormHash() {
        return formHash;
    }

    public String getPrevHash() {
        return prevHash;
    }

    public String getHash() {
        return hash;
    }

    public String getSignature() {
        return signature;
    }

    public String getKeyId() {
        return keyId;
    }
}
