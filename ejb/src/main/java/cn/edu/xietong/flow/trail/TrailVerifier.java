package cn.edu.xietong.flow.trail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * Verifies an instance's signed trail (B3) and reports the first record that was altered, removed or reordered. The
 * same code runs in the server (the verification page) and on the command line over an exported trail:
 * <pre>java -cp xietong-ejb.jar cn.edu.xietong.flow.trail.TrailVerifier trail.txt trail-key.pem</pre>
 * The key file is the server's public trail key (page "签名验证" offers it); it must come from the server, not from
 * the export being checked.
 */
public final class TrailVerifier {

    static final String HEADER = "# xietong-trail 1";

    private TrailVerifier() {
    }

    /**
     * @param actions      the records in stored order
     * @param expectedHead how many records the instance says it has, and the hash of its last one
     */
    public static TrailCheck verify(List<FlowAction> actions, int expectedCount, String expectedHead, PublicKey key) {
        return verify(actions, expectedCount, expectedHead, key, 0, null, null);
    }

    /**
     * Also checks what the records alone cannot show: a trail cut back with the instance's count and head set back to
     * match ({@code stale}: it ends before, or differs at, the latest head recorded outside the database), and a form
     * changed after its last action ({@code formChanged}: its values hash is not the one the last record signed).
     *
     * @param recordedSeq  the latest head recorded outside the database (0 when none), and its hash
     * @param formHash     the SHA-256 of the instance's values as they stand, or null where they may differ from the
     *                     last action's (the form is with the initiator, who may revise it before submitting)
     */
    public static TrailCheck verify(List<FlowAction> actions, int expectedCount, String expectedHead, PublicKey key,
                                    int recordedSeq, String recordedHash, String formHash) {
        TrailCheck chain = verifyChain(actions, expectedCount, expectedHead, key);
        if (!chain.isIntact()) {
            return chain;
        }
        int count = actions.size();
        if (recordedSeq > count) {
            return new TrailCheck(count, count + 1, "stale");
        }
        if (recordedSeq > 0 && !actions.get(recordedSeq - 1).getHash().equals(recordedHash)) {
            return new TrailCheck(count, recordedSeq, "stale");
        }
        if (formHash != null && count > 0 && !actions.get(count - 1).getFormHash().equals(formHash)) {
            return new TrailCheck(count, count, "formChanged");
        }
        return chain;
    }

    private static TrailCheck verifyChain(List<FlowAction> actions, int expectedCount, String expectedHead,
                                          PublicKey key) {
        String previous = FlowAction.GENESIS;
        for (int i = 0; i < actions.size(); i++) {
            FlowAction action = actions.get(i);
            int expectedSeq = i + 1;
            if (action.getSeq() != expectedSeq) {
                boolean later = actions.stream().anyMatch(a -> a.getSeq() == expectedSeq);
                return new TrailCheck(actions.size(), expectedSeq,
                        action.getSeq() > expectedSeq && !later ? "removed" : "reordered");
            }
            if (!action.getPrevHash().equals(previous)) {
                return new TrailCheck(actions.size(), expectedSeq, "reordered");
            }
            if (!action.computeHash().equals(action.getHash())) {
                return new TrailCheck(actions.size(), expectedSeq, "altered");
            }
            if (action.getSignature() == null) {
                return new TrailCheck(actions.size(), expectedSeq, "unsigned");
            }
            if (!signatureHolds(action, key)) {
                return new TrailCheck(actions.size(), expectedSeq, "badSignature");
            }
            previous = action.getHash();
        }
        if (actions.size() != expectedCount || !previous.equals(expectedHead)) {
            return new TrailCheck(actions.size(), actions.size() + 1, "removed");
        }
        return TrailCheck.intact(actions.size());
    }

    private static boolean signatureHolds(FlowAction action, PublicKey key) {
        try {
            Signature verifier = Signature.getInstance("Ed25519");
            verifier.initVerify(key);
            verifier.update(action.getHash().getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getDecoder().decode(action.getSignature()));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    /** The bytes a record's signature covers: its hash in ASCII hex. */
    public static byte[] signedBytes(FlowAction action) {
        return action.getHash().getBytes(StandardCharsets.US_ASCII);
    }

    /** A trail as text: a header naming the instance, its record count and head hash, then one record per line. */
    public static String export(String uid, int count, String head, List<FlowAction> actions) {
        StringBuilder out = new StringBuilder(HEADER).append(' ').append(uid).append(' ').append(count).append(' ')
                .append(head).append('\n');
        Base64.Encoder base64 = Base64.getEncoder();
        for (FlowAction action : actions) {
            String[] fields = action.fields();
            for (int i = 0; i < fields.length; i++) {
                out.append(i == 0 ? "" : "\t").append(base64.encodeToString(fields[i].getBytes(StandardCharsets.UTF_8)));
            }
            out.append('\n');
        }
        return out.toString();
    }

    /** The public key as PEM. */
    public static String pem(PublicKey key) {
        return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n-----END PUBLIC KEY-----\n";
    }

    static PublicKey readPem(String pem) throws GeneralSecurityException {
        String body = pem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(body)));
    }

    /** Verifies an exported trail text against a public key. */
    public static TrailCheck verifyExport(String text, PublicKey key) {
        String[] lines = text.split("\n");
        String[] header = lines[0].split(" ");
        if (!lines[0].startsWith(HEADER) || header.length != 6) {
            throw new IllegalArgumentException("not an exported Xietong trail");
        }
        Base64.Decoder base64 = Base64.getDecoder();
        List<FlowAction> actions = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] cells = lines[i].split("\t", -1);
            String[] fields = new String[cells.length];
            for (int c = 0; c < cells.length; c++) {
                fields[c] = new String(base64.decode(cells[c]), StandardCharsets.UTF_8);
            }
            FlowAction action = FlowAction.stored(fields);
            if (!action.getInstanceUid().equals(header[3])) {
                return new TrailCheck(actions.size(), action.getSeq(), "reordered");
            }
            actions.add(action);
        }
        return verify(actions, Integer.parseInt(header[4]), header[5], key);
    }

    public static void main(String[] args) throws IOException, GeneralSecurityException {
        if (args.length != 2) {
            System.err.println("usage: TrailVerifier <exported trail> <public key .pem>");
            System.exit(2);
        }
        TrailCheck check = verifyExport(Files.readString(Path.of(args[0])), readPem(Files.readString(Path.of(args[1]))));
        if (check.isIntact()) {
            System.out.println("intact: " + check.records() + " records, every one signed and chained");
        } else {
            System.out.println("BROKEN at record " + check.firstBroken() + ": " + check.problem());
            System.exit(1);
        }
    }
}
