package cn.edu.xietong.web.flow;

import cn.edu.xietong.directory.Role;
import cn.edu.xietong.flow.design.Condition;
import cn.edu.xietong.flow.design.HandlerRule;
import cn.edu.xietong.flow.design.HandlerType;
import cn.edu.xietong.flow.design.NodeKind;
import cn.edu.xietong.flow.design.NodeSpec;
import cn.edu.xietong.flow.design.ResubmitPolicy;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/** One node as the flow designer edits it. */
public class NodeRow implements Serializable {

    private static final long serialVersionUID = 1L;

    private String id;
    private String nameZh;
    private String nameEn;
    private NodeKind kind = NodeKind.APPROVE;
    private HandlerType handlerType = HandlerType.INITIATOR_UNIT_ROLE;
    private String logins;
    private Role role = Role.UNIT_LEADER;
    private String unitCode;
    private String unitField;
    private String conditionField;
    private Condition.Operator operator = Condition.Operator.GT;
    private String conditionValue;
    private int deadlineDays = NodeSpec.DEFAULT_DEADLINE_DAYS;
    private List<String> editable = new ArrayList<>();
    private List<String> hidden = new ArrayList<>();
    private ResubmitPolicy onResubmit = ResubmitPolicy.RERUN;

    public static NodeRow of(NodeSpec node) {
        NodeRow row = new NodeRow();
        row.id = node.id();
        row.nameZh = node.nameZh();
        row.nameEn = node.nameEn();
        row.kind = node.kind();
        row.handlerType = node.handler().type();
        row.logins = String.join(",", node.handler().logins());
        row.role = node.handler().role();
        row.unitCode = node.handler().unitCode();
        row.unitField = node.handler().field();
        if (node.condition() != null) {
            row.conditionField = node.condition().field();
            row.operator = node.condition().operator();
            row.conditionValue = node.condition().value();
        }
        row.deadlineDays = node.deadlineDays();
        row.editable = new ArrayList<>(node.editable());
        row.hidden = new ArrayList<>(node.hidden());
        row.onResubmit = node.onResubmit();
        return row;
    }

    public static NodeRow blank(int number) {
        NodeRow row = new NodeRow();
        row.id = "n" + number;
        row.nameZh = "审批环节" + number;
        row.nameEn = "Step " + number;
        return row;
    }

    public NodeSpec toSpec() {
        List<String> names = logins == null ? List.of() : Arrays.stream(logins.split("[,，;；\\s]+"))
                .map(String::strip).filter(s -> !s.isEmpty()).toList();
        HandlerRule rule = new HandlerRule(handlerType, names, isNamesRole() ? role : null,
                handlerType == HandlerType.UNIT_ROLE ? strip(unitCode) : null,
                handlerType == HandlerType.FIELD_UNIT_ROLE ? strip(unitField) : null);
        Condition condition = conditionField == null || conditionField.isBlank() ? null
                : new Condition(conditionField.strip(), operator, strip(conditionValue));
        return new NodeSpec(strip(id), strip(nameZh), strip(nameEn), kind, rule, condition, deadlineDays,
                new HashSet<>(editable), new HashSet<>(hidden), onResubmit);
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    public boolean isNamesPeople() {
        return handlerType == HandlerType.PERSON || handlerType == HandlerType.INITIATOR_CHOICE;
    }

    public boolean isNamesRole() {
        return handlerType == HandlerType.INITIATOR_UNIT_ROLE || handlerType == HandlerType.UNIT_ROLE
                || handlerType == HandlerType.FIELD_UNIT_ROLE;
    }

    /** Whether the handler is a role of the unit a form field names. */
    public boolean isNamesField() {
        return handlerType == HandlerType.FIELD_UNIT_ROLE;
    }

    public String getUnitField() {
        return unitField;
    }

    public void setUnitField(String unitField) {
        this.unitField = unitField;
    }

    public boolean isNamesUnit() {
        return handlerType == HandlerType.UNIT_ROLE;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getNameZh() {
        return nameZh;
    }

    public void setNameZh(String nameZh) {
        this.nameZh = nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public void setNameEn(String nameEn) {
        this.nameEn = nameEn;
    }

    public NodeKind getKind() {
        return kind;
    }

    public void setKind(NodeKind kind) {
        this.kind = kind;
    }

    public HandlerType getHandlerType() {
        return handlerType;
    }

    public void setHandlerType(HandlerType handlerType) {
        this.handlerType = handlerType;
    }

    public String getLogins() {
        return logins;
    }

    public void setLogins(String logins) {
        this.logins = logins;
    }

    public Role getRole() {
        return role;
    }

    public void setRole(Role role) {
        this.role = role;
    }

    public String getUnitCode() {
        return unitCode;
    }

    public void setUnitCode(String unitCode) {
        this.unitCode = unitCode;
    }

    public String getConditionField() {
        return conditionField;
    }

    public void setConditionField(String conditionField) {
        this.conditionField = conditionField;
    }

    public Condition.Operator getOperator() {
        return operator;
    }

    public void setOperator(Condition.Operator operator) {
        this.operator = operator;
    }

    public String getConditionValue() {
        return conditionValue;
    }

    public void setConditionValue(String conditionValue) {
        this.conditionValue = conditionValue;
    }

    public int getDeadlineDays() {
        return deadlineDays;
    }

    public void setDeadlineDays(int deadlineDays) {
        this.deadlineDays = deadlineDays;
    }

    public List<String> getEditable() {
        return editable;
    }

    public void setEditable(List<String> editable) {
        this.editable = editable;
    }

    public List<String> getHidden() {
        return hidden;
    }

    public void setHidden(List<String> hidden) {
        this.hidden = hidden;
    }

    public ResubmitPolicy getOnResubmit() {
        return onResubmit;
    }

    public void setOnResubmit(ResubmitPolicy onResubmit) {
        this.onResubmit = onResubmit;
    }
}
