package cn.edu.xietong.flow.trail;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.FlowFixture;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.instance.FlowInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** B3: the signed chain of an instance's actions, and what its verifier reports when someone tampers with it. */
class TrailVerifierTest {

    private KeyPair key;
    private FlowInstance instance;
    private List<FlowAction> trail;

    @BeforeEach
    void aSignedTrailOfFourRecords() throws Exception {
        key = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        FlowFixture f = new FlowFixture();
        Person staff = f.person("staff");
        Person leader = f.person("leader", Role.UNIT_LEADER);
        instance = FlowInstance.draft(f.design(NodeSpec.of("unit", "单位", "Unit", NodeKind.APPROVE,
                HandlerRule.initiatorUnit(Role.UNIT_LEADER))), staff, "请假", FlowFixture.leave("1"), f.now());
        instance.submit(staff, Map.of(), f.context());
        instance.approve(instance.openTaskOf(leader).orElseThrow(), leader, "同意\n注意安全", null, f.context());
        trail = new ArrayList<>(instance.takeAppended());
        for (FlowAction action : trail) {
            Signature signer = Signature.getInstance("Ed25519");
            signer.initSign(key.getPrivate());
            signer.update(TrailVerifier.signedBytes(action));
            action.sign(Base64.getEncoder().encodeToString(signer.sign()), "test");
        }
    }

    private TrailCheck check(List<FlowAction> actions) {
        return TrailVerifier.verify(actions, instance.getActionCount(), instance.getLastHash(), key.getPublic());
    }

    @Test
    void anUntouchedTrailIsIntact() {
        assertEquals(3, trail.size());
        assertTrue(check(trail).isIntact());
    }

    @Test
    void aRemovedRecordIsFoundWhereverItWas() {
        List<FlowAction> middle = new ArrayList<>(trail);
        middle.remove(1);
        assertEquals(new TrailCheck(2, 2, "removed"), check(middle));
        assertEquals(new TrailCheck(2, 3, "removed"), check(trail.subList(0, 2)));
    }

    @Test
    void swappedRecordsAreReportedAsReordered() {
        List<FlowAction> swapped = new ArrayList<>(List.of(trail.get(1), trail.get(0), trail.get(2)));
        assertEquals(new TrailCheck(3, 1, "reordered"), check(swapped));
    }

    @Test
    void anExportSurvivesTheRoundTripAndAnEditedOpinionIsCaught() throws Exception {
        String export = TrailVerifier.export(instance.getUid(), instance.getActionCount(), instance.getLastHash(), trail);
        assertTrue(TrailVerifier.verifyExport(export, TrailVerifier.readPem(TrailVerifier.pem(key.getPublic())))
                .isIntact());
        String[] lines = export.split("\n");
        String[] cells = lines[2].split("\t", -1);
        cells[7] = Base64.getEncoder().encodeToString("不同意".getBytes(StandardCharsets.UTF_8));
        lines[2] = String.join("\t", cells);
        assertEquals(new TrailCheck(3, 2, "altered"), TrailVerifier.verifyExport(String.join("\n", lines),
                key.getPublic()));
    }

    @Test
    void aRecordResignedWithAnotherKeyFails() throws Exception {
        KeyPair other = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        assertEquals("badSignature", TrailVerifier.verify(trail, instance.getActionCount(), instance.getLastHash(),
                other.getPublic()).problem());
    }

    @Test
    void aTrailCutBackWithItsCountAndHeadSetBackIsStaleAgainstTheRecordedHead() {
        FlowAction last = trail.get(2);
        List<FlowAction> cut = trail.subList(0, 2);
        assertTrue(TrailVerifier.verify(cut, 2, cut.get(1).getHash(), key.getPublic()).isIntact(),
                "the records alone cannot tell");
        assertEquals(new TrailCheck(2, 3, "stale"), TrailVerifier.verify(cut, 2, cut.get(1).getHash(),
                key.getPublic(), last.getSeq(), last.getHash(), null));
        assertTrue(TrailVerifier.verify(trail, 3, last.getHash(), key.getPublic(), last.getSeq(), last.getHash(),
                null).isIntact());
    }

    @Test
    void aFormChangedAfterItsLastActionIsNamedAtThatAction() {
        String changed = FlowFixture.leave("9").sha256();
        assertEquals(new TrailCheck(3, 3, "formChanged"), TrailVerifier.verify(trail, instance.getActionCount(),
                instance.getLastHash(), key.getPublic(), 3, instance.getLastHash(), changed));
        assertTrue(TrailVerifier.verify(trail, instance.getActionCount(), instance.getLastHash(), key.getPublic(), 3,
                instance.getLastHash(), instance.values().sha256()).isIntact());
    }
}
