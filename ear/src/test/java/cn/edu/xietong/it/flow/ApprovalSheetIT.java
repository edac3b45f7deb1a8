package cn.edu.xietong.it.flow;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.FlowDesigns;
import cn.edu.xietong.flow.FlowCommands;
import cn.edu.xietong.flow.FlowRecords;
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
import cn.edu.xietong.it.support.AsPerson;
import cn.edu.xietong.it.support.TestData;
import cn.edu.xietong.security.Argon2Parameters;
import cn.edu.xietong.security.PasswordHasher;
import jakarta.ejb.EJB;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * B3: the printable approval sheet is made in the language of the person who asks for it: headings, field labels,
 * options, statuses and actions in that language, money with thousands separators and two decimals, date ranges in the
 * language's own pattern, written as the pages write them.
 */
@ExtendWith(ArquillianExtension.class)
class ApprovalSheetIT {

    private static final String PASSWORD = "Sheet#2026x";

    private static final FormSchema FORM = new FormSchema(List.of(
            FieldSpec.of("kind", "请假类型", "Kind of leave", FieldType.CHOICE, true)
                    .withOptions("事假", "病假").withOptionsEn("Personal leave", "Sick leave"),
            FieldSpec.of("period", "起止日期", "Dates", FieldType.DATE_RANGE, true),
            FieldSpec.of("cost", "费用", "Cost", FieldType.MONEY, false)
                    .withRange(BigDecimal.ZERO, new BigDecimal("1000000"))));

    @EJB
    private FlowDesigns designs;

    @EJB
    private FlowCommands commands;

    @EJB
    private FlowRecords records;

    @EJB
    private TestData data;

    private final PasswordHasher cheap = new PasswordHasher(new Argon2Parameters(1024, 1, 1));

    private FlowDesign design(Unit unit) throws Exception {
        Person it = data.personIn(unit, PASSWORD, cheap, Role.UNIT_IT);
        Person supervisor = data.personIn(data.unit(), PASSWORD, cheap, Role.SUPERVISOR);
        String code = "s-" + UUID.randomUUID().toString().substring(0, 8);
        FormTemplate form = AsPerson.call(it, () -> designs.createForm(unit.getId(), code, "请假", "Leave", FORM));
        AsPerson.call(it, () -> designs.publishForm(form.getId()));
        FlowDesign design = AsPerson.call(it, () -> designs.createDesign(unit.getId(), code, "请假申请",
                "Leave request", Category.DAILY, form.getId(), new FlowDefinition(List.of(
                        NodeSpec.of("unit", "单位负责人审批", "Unit leader", NodeKind.APPROVE,
                                HandlerRule.initiatorUnit(Role.UNIT_LEADER))), false), false, false));
        AsPerson.call(it, () -> designs.submitForReview(design.getId()));
        AsPerson.call(supervisor, () -> designs.publish(design.getId()));
        return design;
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theSheetIsMadeInTheLanguageOfWhoeverAsksForIt() throws Exception {
        Unit unit = data.unit();
        Person staff = data.personIn(unit, PASSWORD, cheap);
        Person leader = data.personIn(unit, PASSWORD, cheap, Role.UNIT_LEADER);
        FlowDesign design = design(unit);
        FlowInstance instance = AsPerson.call(staff, () -> commands.start(design.getId(), "Sick leave, two days",
                FormValues.of(Map.of("kind", "病假", "period", "2026-12-14/2026-12-15", "cost", "12345.6")),
                Map.of()));
        long task = AsPerson.call(leader, () -> records.sight(instance.getId())).taskId().orElseThrow();
        AsPerson.call(leader, () -> commands.approve(task, "OK", null));

        String english = text(AsPerson.call(staff, () -> records.approvalSheet(instance.getId(), Locale.ENGLISH)));
        for (String expected : List.of("Leave request approval sheet", "Status: Approved", "Kind of leave: Sick leave",
                "Dates: Dec 14, 2026 – Dec 15, 2026", "Cost: 12,345.60", "Approval path: Unit leader", "Approved",
                "Signature check passed")) {
            assertTrue(english.contains(expected), "English sheet has \"" + expected + "\":\n" + english);
        }
        for (String chinese : List.of("审批单", "病假", "请假类型", "单位负责人审批", "同意", "签名验证")) {
            assertFalse(english.contains(chinese), "no Chinese chrome in the English sheet: " + chinese);
        }

        String chinese = text(AsPerson.call(leader, () -> records.approvalSheet(instance.getId(),
                Locale.SIMPLIFIED_CHINESE)));
        for (String expected : List.of("请假申请 审批单", "请假类型：病假", "起止日期：2026年12月14日 至 2026年12月15日",
                "费用：12,345.60", "审批路径：单位负责人审批", "签名验证通过")) {
            assertTrue(chinese.contains(expected), "Chinese sheet has \"" + expected + "\":\n" + chinese);
        }
    }
}
