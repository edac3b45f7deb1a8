package cn.edu.xietong.it.flow;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.files.FileInfo;
import cn.edu.xietong.files.FileStore;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
import cn.edu.xietong.flow.Revision;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormTemplate;
import cn.edu.xietong.flow.form.FormValues;
import cn.edu.xietong.flow.instance.FlowInstance;
import cn.edu.xietong.flow.instance.FlowTask;
import cn.edu.xietong.flow.instance.InstanceSight;
import cn.edu.xietong.flow.instance.TaskKind;
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.SampleFiles;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import cn.edu.xietong.shared.DomainException;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBAccessException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * S3, O1.3: a field a node hides never reaches its handlers, nor the readers of a copy node that hides it, through any
 * service: the instance as they see it, a file download, the trail export or the approval sheet; only the initiator
 * revises the whole form. An instance that does not exist is refused exactly as one the caller takes no part in.
 */
@ExtendWith(ArquillianExtension.class)
class HiddenFieldsIT {

    private static final java.util.Locale ZH = java.util.Locale.SIMPLIFIED_CHINESE;

    private static final String PASSWORD = "Hidden#2026x";
    private static final String SECRET = "家属病历摘要-" + UUID.randomUUID().toString().substring(0, 6);
    private static final byte[] PDF = SampleFiles.PDF;

    private static final FormSchema FORM = new FormSchema(List.of(
            FieldSpec.of("topic", "事项", "Topic", FieldType.TEXT, true),
            FieldSpec.of("secret", "隐私说明", "Private note", FieldType.TEXT, false),
            FieldSpec.of("proof", "证明材料", "Proof", FieldType.ATTACHMENT, false)));

    @EJB
    private FlowDesigns designs;

    @EJB
    private FlowCommands commands;

    @EJB
    private FlowRecords records;

    @EJB
    private FileStore files;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    /** The unit leader decides without the private note and the proof; the reader of the copy without the note. */
    private FlowDesign design(Unit unit, Person reader) throws Exception {
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        String code = "h-" + UUID.randomUUID().toString().substring(0, 8);
        FormTemplate form = AsPerson.call(it, () -> designs.createForm(unit.getId(), code, "申请", "Request", FORM));
        AsPerson.call(it, () -> designs.publishForm(form.getId()));
        FlowDesign design = AsPerson.call(it, () -> designs.createDesign(unit.getId(), code, "隐私申请", "Request",
                Category.DAILY, form.getId(), new FlowDefinition(List.of(
                        NodeSpec.of("unit", "单位负责人", "Unit leader", NodeKind.APPROVE,
                                HandlerRule.initiatorUnit(Role.UNIT_LEADER)).hiding("secret", "proof"),
                        NodeSpec.of("copy", "抄送", "Copy", NodeKind.NOTIFY, HandlerRule.people(reader.getLogin()))
                                .hiding("secret")), false), false, false));
        AsPerson.call(it, () -> designs.submitForReview(design.getId()));
        AsPerson.call(supervisor, () -> designs.publish(design.getId()));
        return design;
    }

    private static String sheetText(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private static void assertHidden(InstanceSight sight, String... keys) {
        for (String key : keys) {
            assertFalse(sight.values().has(key), key + " has no value in the sight");
            assertFalse(sight.visibleFields().stream().anyMatch(f -> f.key().equals(key)), key + " is not shown");
        }
    }

    @Test
    void aHiddenFieldReachesNeitherTheHandlerNorTheCopyReaderThroughAnyServiceAndOnlyTheInitiatorRevises()
            throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        Person reader = data.personIn(unit, PASSWORD, cheap);
        FlowDesign design = design(unit, reader);
        FileInfo proof = AsPerson.call(staff, () -> files.upload("证明.pdf", PDF));
        FlowInstance instance = AsPerson.call(staff, () -> commands.start(design.getId(), "家事假", FormValues.of(Map.of(
                "topic", "照顾家人", "secret", SECRET, "proof", List.of(proof.uid()))), Map.of()));

        InstanceSight atLeader = AsPerson.call(leader, () -> records.sight(instance.getId()));
        assertHidden(atLeader, "secret", "proof");
        assertTrue(atLeader.files().isEmpty());
        DomainException noFile = assertThrows(DomainException.class,
                () -> AsPerson.call(leader, () -> records.attachment(instance.getId(), proof.uid())));
        assertEquals("flow.noSuchFile", noFile.messageKey());
        assertFalse(sheetText(AsPerson.call(leader, () -> records.approvalSheet(instance.getId(), ZH)))
                .contains(SECRET));
        assertFalse(AsPerson.call(leader, () -> records.exportTrail(instance.getId())).contains(SECRET));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(leader, () -> records.revision(instance.getId())),
                "a handler never gets the initiator's whole form to revise");

        long task = AsPerson.call(leader, () -> records.sight(instance.getId())).taskId().orElseThrow();
        AsPerson.call(leader, () -> commands.approve(task, "同意", null));
        InstanceSight atReader = AsPerson.call(reader, () -> records.sight(instance.getId()));
        assertHidden(atReader, "secret");
        assertEquals(List.of(proof.uid()), atReader.files().stream().map(FileInfo::uid).toList(),
                "the copy node hides the note, not the proof");
        assertTrue(atReader.may(InstanceSight.Action.READ));
        String readerSheet = sheetText(AsPerson.call(reader, () -> records.approvalSheet(instance.getId(), ZH)));
        assertFalse(readerSheet.contains(SECRET));
        assertTrue(readerSheet.contains("照顾家人"), "the sheet still carries what the reader may see");
        assertThrows(EJBAccessException.class, () -> AsPerson.call(reader, () -> records.revision(instance.getId())));

        InstanceSight atInitiator = AsPerson.call(staff, () -> records.sight(instance.getId()));
        assertEquals(SECRET, atInitiator.values().text("secret").orElseThrow());
        assertTrue(sheetText(AsPerson.call(staff, () -> records.approvalSheet(instance.getId(), ZH)))
                .contains(SECRET));
    }

    @Test
    void theInitiatorRevisesTheWholeFormOnceItIsReturnedAndNotWhileItRuns() throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        FlowDesign design = design(unit, data.personIn(unit, PASSWORD, cheap));
        FlowInstance instance = AsPerson.call(staff, () -> commands.start(design.getId(), "家事假", FormValues.of(Map.of(
                "topic", "照顾家人", "secret", SECRET)), Map.of()));
        DomainException running = assertThrows(DomainException.class,
                () -> AsPerson.call(staff, () -> records.revision(instance.getId())));
        assertEquals("flow.notWithInitiator", running.messageKey());

        long task = instance.getTasks().stream().filter(t -> t.getKind() == TaskKind.APPROVAL)
                .map(FlowTask::getId).findFirst().orElseThrow();
        AsPerson.call(leader, () -> commands.returnTo(task, "请补充", null));
        Revision revision = AsPerson.call(staff, () -> records.revision(instance.getId()));
        assertEquals(SECRET, revision.values().text("secret").orElseThrow());
        assertEquals("请补充", revision.returnReason());
    }

    @Test
    void anInstanceThatDoesNotExistIsRefusedExactlyLikeOneTheCallerTakesNoPartIn() throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person stranger = data.personIn(data.unit(), PASSWORD, cheap);
        data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        FlowDesign design = design(unit, data.personIn(unit, PASSWORD, cheap));
        FlowInstance instance = AsPerson.call(staff, () -> commands.start(design.getId(), "家事假", FormValues.of(Map.of(
                "topic", "照顾家人")), Map.of()));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(stranger, () -> records.sight(instance.getId())));
        assertThrows(EJBAccessException.class, () -> AsPerson.call(stranger, () -> records.sight(Long.MAX_VALUE)));
        assertThrows(EJBAccessException.class,
                () -> AsPerson.call(stranger, () -> records.approvalSheet(instance.getId(), ZH)));
        assertThrows(EJBAccessException.class,
                () -> AsPerson.call(stranger, () -> records.approvalSheet(Long.MAX_VALUE, ZH)));
    }
}
