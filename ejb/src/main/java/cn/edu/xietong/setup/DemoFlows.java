package cn.edu.xietong.setup;

import cn.edu.xietong.directory.Person;
import cn.edu.xietong.directory.Role;
import cn.edu.xietong.directory.Unit;
import cn.edu.xietong.flow.design.Category;
import cn.edu.xietong.flow.design.Condition;
import cn.edu.xietong.flow.design.CoreParticipant;
import cn.edu.xietong.flow.design.FlowDefinition;
import cn.edu.xietong.flow.design.FlowDesign;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.design.ResubmitPolicy;
import cn.edu.xietong.flow.form.FieldSpec;
import cn.edu.xietong.flow.form.FieldType;
import cn.edu.xietong.flow.form.FormSchema;
import cn.edu.xietong.flow.form.FormTemplate;
import jakarta.persistence.EntityManager;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * The demo university's flows, one per category (A1), published as if reviewed: a leave request (daily work; a
 * school leader approves leave of more than three days), an expense claim with detail rows (administrative affairs;
 * a core flow, the finance office countersigns, a school leader approves claims over 5,000 yuan), and an outgoing
 * official document (学校公文; any one school leader signs, the general office is copied).
 */
final class DemoFlows {

    private DemoFlows() {
    }

    static void load(EntityManager em, Unit office, List<Person> everyone, Instant now) {
        FormSchema leaveForm = new FormSchema(List.of(
                FieldSpec.of("kind", "请假类型", "Kind of leave", FieldType.CHOICE, true)
                        .withOptions("事假", "病假", "年休假", "婚假", "产假")
                        .withOptionsEn("Personal leave", "Sick leave", "Annual leave", "Marriage leave",
                                "Maternity leave"),
                FieldSpec.of("period", "起止日期", "Dates", FieldType.DATE_RANGE, true),
                FieldSpec.of("days", "天数", "Days", FieldType.NUMBER, true)
                        .withRange(new BigDecimal("0.5"), new BigDecimal("180")).withDaysOf("period"),
                FieldSpec.of("reason", "事由", "Reason", FieldType.LONG_TEXT, true).wide(true),
                FieldSpec.of("deputy", "工作代理人", "Stand-in", FieldType.PERSON, false),
                FieldSpec.of("proof", "证明材料", "Supporting documents", FieldType.ATTACHMENT, false).wide(true),
                FieldSpec.of("remark", "审批备注", "Approver's remark", FieldType.TEXT, false).wide(true)));
        publish(em, new FlowDesign("leave", 1, "请假申请", "Leave request", Category.DAILY, office,
                form(em, "leave", "请假申请", "Leave request", office, leaveForm, now),
                new FlowDefinition(List.of(
                        NodeSpec.of("unit", "单位负责人审批", "Unit leader", NodeKind.APPROVE,
                                HandlerRule.initiatorUnit(Role.UNIT_LEADER)).editing("remark"),
                        NodeSpec.of("school", "校领导审批", "School leader", NodeKind.APPROVE,
                                HandlerRule.schoolLeader()).when(new Condition("days", Condition.Operator.GT, "3"))
                                .returning(ResubmitPolicy.BACK_TO_RETURNER)), true),
                false, true, now, "system"), now);

        FormSchema expenseForm = new FormSchema(List.of(
                FieldSpec.of("purpose", "报销事由", "Purpose", FieldType.TEXT, true).wide(true),
                FieldSpec.of("project", "经费项目", "Budget", FieldType.CHOICE, true)
                        .withOptions("日常公用经费", "科研经费", "教学经费")
                        .withOptionsEn("Routine operating funds", "Research funds", "Teaching funds"),
                FieldSpec.of("items", "费用明细", "Items", FieldType.DETAIL, true).wide(true).withColumns(
                        FieldSpec.of("item", "项目", "Item", FieldType.TEXT, true),
                        FieldSpec.of("date", "日期", "Date", FieldType.DATE, true),
                        FieldSpec.of("amount", "金额(元)", "Amount (yuan)", FieldType.MONEY, true)
                                .withRange(new BigDecimal("0.01"), new BigDecimal("1000000"))),
                FieldSpec.of("receipts", "票据", "Receipts", FieldType.ATTACHMENT, false).wide(true)));
        FlowDesign expense = publish(em, new FlowDesign("expense", 1, "经费报销", "Expense claim",
                Category.ADMINISTRATIVE, office,
                form(em, "expense", "经费报销", "Expense claim", office, expenseForm, now),
                new FlowDefinition(List.of(
                        NodeSpec.of("unit", "单位负责人审核", "Unit leader", NodeKind.APPROVE,
                                HandlerRule.initiatorUnit(Role.UNIT_LEADER)),
                        NodeSpec.of("finance", "财务处会签", "Finance countersign", NodeKind.COUNTERSIGN,
                                HandlerRule.unitRole(Role.UNIT_LEADER, "FIN")),
                        NodeSpec.of("school", "校领导审批", "School leader", NodeKind.ANY_ONE,
                                HandlerRule.schoolLeader())
                                .when(new Condition("items.amount", Condition.Operator.GT, "5000"))), false),
                true, true, now, "system"), now);
        for (Person person : everyone) {
            em.persist(new CoreParticipant(expense.getCode(), person, now, "system"));
        }

        FormSchema documentForm = new FormSchema(List.of(
                FieldSpec.of("subject", "文件标题", "Subject", FieldType.TEXT, true).wide(true),
                FieldSpec.of("number", "文号", "Document number", FieldType.TEXT, false),
                FieldSpec.of("level", "密级", "Classification", FieldType.CHOICE, true)
                        .withOptions("公开", "内部", "秘密").withOptionsEn("Public", "Internal", "Secret"),
                FieldSpec.of("recipients", "主送单位", "Addressed to", FieldType.UNIT, true),
                FieldSpec.of("body", "正文摘要", "Summary", FieldType.LONG_TEXT, true).wide(true),
                FieldSpec.of("draft", "正文及附件", "Draft and enclosures", FieldType.ATTACHMENT, false).wide(true)));
        publish(em, new FlowDesign("outgoing-document", 1, "学校发文", "Outgoing official document",
                Category.OFFICIAL_DOCUMENT, office,
                form(em, "outgoing-document", "学校发文", "Outgoing official document", office, documentForm, now),
                new FlowDefinition(List.of(
                        NodeSpec.of("unit", "拟稿单位负责人核稿", "Drafting unit leader", NodeKind.APPROVE,
                                HandlerRule.initiatorUnit(Role.UNIT_LEADER)),
                        NodeSpec.of("office", "党政办审核", "General office review", NodeKind.APPROVE,
                                HandlerRule.unitRole(Role.UNIT_LEADER, "PAO")).editing("number"),
                        NodeSpec.of("sign", "校领导签发", "School leader signs", NodeKind.ANY_ONE,
                                HandlerRule.schoolLeader()),
                        NodeSpec.of("copy", "抄送党政办", "Copy to the general office", NodeKind.NOTIFY,
                                HandlerRule.unitRole(Role.UNIT_IT, "PAO"))), false),
                false, true, now, "system"), now);
    }

    /**
     * The publishing flow of the demo's notices (B4): the initiator's unit leader checks the item, the general
     * office (党政办) approves its publication.
     */
    static void loadPublishing(EntityManager em, Unit office, Instant now) {
        FormSchema reviewForm = new FormSchema(List.of(
                FieldSpec.of("title", "标题", "Title", FieldType.TEXT, true).wide(true),
                FieldSpec.of("category", "栏目", "Category", FieldType.TEXT, true),
                FieldSpec.of("summary", "内容摘要", "Summary", FieldType.LONG_TEXT, true).wide(true)));
        publish(em, new FlowDesign("notice-review", 1, "信息发布审核", "Publication review", Category.PUBLISHING,
                office, form(em, "notice-review", "信息发布审核", "Publication review", office, reviewForm, now),
                new FlowDefinition(List.of(
                        NodeSpec.of("unit", "单位负责人审核", "Unit leader", NodeKind.APPROVE,
                                HandlerRule.initiatorUnit(Role.UNIT_LEADER)),
                        NodeSpec.of("office", "党政办审核发布", "General office approves", NodeKind.APPROVE,
                                HandlerRule.unitRole(Role.UNIT_LEADER, "PAO"))), true),
                false, true, now, "system"), now);
    }

    /**
     * The approval of one download of a controlled document (S4): the leader of the unit that owns the document
     * decides, reading the requester's reason. The documents module fills the form and starts it.
     */
    static void loadControlledDownload(EntityManager em, Unit office, Instant now) {
        FormSchema requestForm = new FormSchema(List.of(
                FieldSpec.of("document", "文档", "Document", FieldType.TEXT, true).wide(true),
                FieldSpec.of("version", "版本", "Version", FieldType.TEXT, true),
                FieldSpec.of("library", "文档库", "Library", FieldType.TEXT, true),
                FieldSpec.of("ownerUnit", "所属单位", "Owning unit", FieldType.UNIT, true),
                FieldSpec.of("reason", "下载理由", "Reason for the download", FieldType.LONG_TEXT, true).wide(true)));
        publish(em, new FlowDesign("controlled-download", 1, "受控文档下载审批", "Controlled document download",
                Category.CONTROLLED_DOWNLOAD, office, form(em, "controlled-download", "受控文档下载审批",
                "Controlled document download", office, requestForm, now),
                new FlowDefinition(List.of(
                        NodeSpec.of("owner", "所属单位负责人审批", "Owning unit's leader", NodeKind.APPROVE,
                                HandlerRule.fieldUnit(Role.UNIT_LEADER, "ownerUnit"))), false),
                false, true, now, "system"), now);
    }

    private static FormTemplate form(EntityManager em, String code, String nameZh, String nameEn, Unit unit,
                                     FormSchema schema, Instant now) {
        FormTemplate form = new FormTemplate(code, 1, nameZh, nameEn, unit, schema, now, "system");
        form.publish(now, "system");
        em.persist(form);
        return form;
    }

    private static FlowDesign publish(EntityManager em, FlowDesign design, Instant now) {
        design.submitForReview(now, "system");
        design.publish(now, "system");
        em.persist(design);
        return design;
    }
}
